import type { ApiKeyRecord, ApiKeyStore } from './api-keys';
import { hashApiKey } from './api-keys';

/** `API_KEY_CACHE_SECONDS` (default 5): how long a key found active is trusted without asking PostgreSQL. */
export function apiKeyCacheSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.API_KEY_CACHE_SECONDS ?? 5);
  if (!(seconds >= 0))
    throw new Error('API_KEY_CACHE_SECONDS must be a number of seconds (0 turns the cache off)');
  return seconds;
}

const MAX_KEYS = 10_000;

/**
 * Active API keys remembered in memory for a few seconds, so a request does not wait on
 * PostgreSQL for its key. A revocation, made by any replica or the CLI, takes effect within the
 * cache's lifetime (`API_KEY_CACHE_SECONDS`). Unknown keys are not remembered: they are looked up
 * each time, and their failures draw on the caller's address budget.
 */
export class CachedApiKeys {
  private readonly found = new Map<string, { record: ApiKeyRecord; until: number }>();
  /** One lookup per key at a time: concurrent first requests of a key share it. */
  private readonly lookups = new Map<string, Promise<ApiKeyRecord | undefined>>();

  constructor(
    private readonly store: Pick<ApiKeyStore, 'findActive'>,
    private readonly lifetimeMs = apiKeyCacheSeconds() * 1000,
  ) {}

  async findActive(key: string): Promise<ApiKeyRecord | undefined> {
    if (this.lifetimeMs === 0) return this.store.findActive(key);
    const id = hashApiKey(key).toString('base64');
    const cached = this.found.get(id);
    if (cached && cached.until > Date.now()) return cached.record;
    let lookup = this.lookups.get(id);
    if (!lookup) {
      lookup = this.store.findActive(key).then(
        (record) => {
          this.lookups.delete(id);
          this.found.delete(id);
          if (record) {
            // Map order is insertion order: the oldest entry goes first when the cache is full.
            if (this.found.size >= MAX_KEYS) this.found.delete(this.found.keys().next().value as string);
            this.found.set(id, { record, until: Date.now() + this.lifetimeMs });
          }
          return record;
        },
        (error: unknown) => {
          this.lookups.delete(id);
          throw error;
        },
      );
      this.lookups.set(id, lookup);
    }
    return lookup;
  }
}
