import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { logger } from '#platform/logger';
import { GATEWAY_SCHEMA } from './database';

/** The tier of callers without credentials, counted per IP address. */
export const ANONYMOUS_TIER = 'anonymous';
/** The tier of bearer tokens and of keys whose tier is no longer configured. */
export const DEFAULT_TIER = 'standard';
/** The tier of the bootstrap OPERATOR_API_KEY. */
export const HIGH_TIER = 'high';

export interface RateLimitConfig {
  /** Length of the fixed window the budgets are counted in. */
  windowSeconds: number;
  /** Requests allowed per window, by tier name. */
  tiers: Record<string, number>;
  /** Prefixes every counter, so gateways (or test runs) sharing one database do not share budgets. */
  namespace: string;
}

const DEFAULT_TIERS: Record<string, number> = {
  [ANONYMOUS_TIER]: 300,
  [DEFAULT_TIER]: 1200,
  [HIGH_TIER]: 6000,
};

/** `RATE_LIMIT_TIERS=anonymous=300,standard=1200,high=6000,partner=20000` adds or overrides tiers. */
export function rateLimitConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | false {
  if (env.RATE_LIMIT_ENABLED === 'false') return false;
  const tiers = { ...DEFAULT_TIERS };
  for (const entry of (env.RATE_LIMIT_TIERS ?? '').split(',').filter(Boolean)) {
    const [name, points] = entry.split('=').map((part) => part.trim());
    if (!name || !Number.isInteger(Number(points)) || Number(points) <= 0) {
      throw new Error(`RATE_LIMIT_TIERS: "${entry}" is not name=requests`);
    }
    tiers[name] = Number(points);
  }
  const windowSeconds = Number(env.RATE_LIMIT_WINDOW_SECONDS ?? 60);
  if (!Number.isInteger(windowSeconds) || windowSeconds <= 0)
    throw new Error('RATE_LIMIT_WINDOW_SECONDS must be a positive integer');
  return { windowSeconds, tiers, namespace: 'gateway' };
}

/** The tiers a key may be given (the API key CLI checks against them). */
export function knownTiers(config: RateLimitConfig | false): string[] {
  return Object.keys(config ? config.tiers : DEFAULT_TIERS);
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** The IETF draft `RateLimit-*` headers, plus `Retry-After` on refusals. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.resetSeconds);
  return headers;
}

/** The refusal of a graphql-ws or SSE operation over budget: names the limit, keeps the other subscriptions. */
export function rateLimitRefusal(
  decision: RateLimitDecision,
  tier: string,
  windowSeconds: number,
): { message: string; extensions: { code: string; limit: number; retryAfterSeconds: number } } {
  return {
    message:
      `Rate limit exceeded: ${decision.limit} requests per ${windowSeconds} s for the ${tier} tier ` +
      `(each subscription counts as one); retry in ${decision.resetSeconds} s`,
    extensions: { code: 'RATE_LIMITED', limit: decision.limit, retryAfterSeconds: decision.resetSeconds },
  };
}

/** `RATE_LIMIT_SYNC_MS` (default 100): how often a replica adds its local counts to the shared ones. */
export function rateLimitSyncMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.RATE_LIMIT_SYNC_MS ?? 100);
  if (!(ms >= 0))
    throw new Error(
      'RATE_LIMIT_SYNC_MS must be a number of milliseconds (0: every request waits on PostgreSQL)',
    );
  return ms;
}

/** One subject's window as this replica sees it. */
interface Counter {
  limit: number;
  limiter: RateLimiterPostgres;
  /** The shared count at the last synchronisation plus this replica's requests since. */
  consumed: number;
  /** This replica's requests not yet added to the shared count. */
  pending: number;
  /** When the window ends (epoch ms). */
  resetAt: number;
}

/**
 * Per-tier budgets counted by rate-limiter-flexible in PostgreSQL (the `gateway.rate_limit` table
 * its migration creates), so every gateway replica draws on the same counters. The first request
 * of a subject's window waits for PostgreSQL; the next ones are counted in memory and added to the
 * shared counter every `RATE_LIMIT_SYNC_MS`, so a request no longer waits on the database. Within
 * one replica the budget is exact; across N replicas a subject can exceed it by at most what the
 * other replicas admitted in one sync interval (they learn each other's counts at each sync).
 */
export class RateLimiter {
  private readonly limiters = new Map<string, { limit: number; limiter: RateLimiterPostgres }>();
  private readonly counters = new Map<string, Counter>();
  private readonly opening = new Map<string, Promise<Counter>>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly config: RateLimitConfig,
    private readonly syncMs = rateLimitSyncMs(),
  ) {}

  private limiterFor(tier: string): { limit: number; limiter: RateLimiterPostgres } {
    const name = tier in this.config.tiers ? tier : DEFAULT_TIER;
    let entry = this.limiters.get(name);
    if (!entry) {
      const limit = this.config.tiers[name] ?? DEFAULT_TIERS[DEFAULT_TIER];
      const limiter = new RateLimiterPostgres({
        storeClient: this.db,
        storeType: 'typeorm',
        schemaName: GATEWAY_SCHEMA,
        tableName: 'rate_limit',
        tableCreated: true,
        keyPrefix: this.config.namespace,
        points: limit,
        duration: this.config.windowSeconds,
      });
      entry = { limit, limiter };
      this.limiters.set(name, entry);
    }
    return entry;
  }

  /** Adds `points` to the shared counter; resolves with its state whether or not the budget is spent. */
  private static async add(
    limiter: RateLimiterPostgres,
    subject: string,
    points: number,
  ): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(subject, points);
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error when the store fails.
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    }
  }

  private decide(counter: Counter): RateLimitDecision {
    return {
      allowed: counter.consumed <= counter.limit,
      limit: counter.limit,
      remaining: Math.max(0, counter.limit - counter.consumed),
      resetSeconds: Math.max(1, Math.ceil((counter.resetAt - Date.now()) / 1000)),
    };
  }

  /** Counts one request of `subject` against its tier's budget. */
  async consume(subject: string, tier: string): Promise<RateLimitDecision> {
    const counter = this.counters.get(subject);
    if (this.syncMs > 0 && counter && counter.resetAt > Date.now()) {
      counter.consumed += 1;
      counter.pending += 1;
      this.scheduleSync();
      return this.decide(counter);
    }
    const opening = this.opening.get(subject);
    if (opening) {
      // Another request of this subject is opening its window: count this one once it is open.
      await opening.catch(() => undefined);
      return this.consume(subject, tier);
    }
    const open = this.open(subject, tier);
    this.opening.set(subject, open);
    try {
      return this.decide(await open);
    } finally {
      this.opening.delete(subject);
    }
  }

  /** The first request of a window here: counted in PostgreSQL before it is answered. */
  private async open(subject: string, tier: string): Promise<Counter> {
    const { limit, limiter } = this.limiterFor(tier);
    const result = await RateLimiter.add(limiter, subject, 1);
    const counter: Counter = {
      limit,
      limiter,
      consumed: result.consumedPoints,
      pending: 0,
      resetAt: Date.now() + result.msBeforeNext,
    };
    if (this.syncMs > 0) this.counters.set(subject, counter);
    return counter;
  }

  private scheduleSync(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sync();
    }, this.syncMs);
    this.timer.unref();
  }

  /** Adds every subject's pending requests to the shared counters and reads back the other replicas' share. */
  async sync(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      [...this.counters].map(async ([subject, counter]) => {
        if (counter.pending === 0) {
          if (counter.resetAt <= now) this.counters.delete(subject);
          return;
        }
        const points = counter.pending;
        counter.pending = 0;
        try {
          const result = await RateLimiter.add(counter.limiter, subject, points);
          // Requests counted here while the statement ran are still pending: keep them on top.
          counter.consumed = result.consumedPoints + counter.pending;
          counter.resetAt = Date.now() + result.msBeforeNext;
        } catch (error) {
          counter.pending += points;
          logger.warn({ err: error }, 'rate-limit counters not synchronised; retrying');
          this.scheduleSync();
        }
      }),
    );
  }

  /** Adds what is still counted only here to the shared counters (on shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sync();
  }
}
