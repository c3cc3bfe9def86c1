import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
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

/**
 * Per-tier budgets counted by rate-limiter-flexible in PostgreSQL (the `gateway.rate_limit` table
 * its migration creates), so every gateway replica draws on the same counters.
 */
export class RateLimiter {
  private readonly limiters = new Map<string, { limit: number; limiter: RateLimiterPostgres }>();

  constructor(
    private readonly db: DataSource,
    private readonly config: RateLimitConfig,
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

  /** Counts one request of `subject` against its tier's budget. */
  async consume(subject: string, tier: string): Promise<RateLimitDecision> {
    const { limit, limiter } = this.limiterFor(tier);
    const decide = (result: RateLimiterRes, allowed: boolean): RateLimitDecision => ({
      allowed,
      limit,
      remaining: Math.max(0, result.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
    });
    try {
      return decide(await limiter.consume(subject), true);
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error when the store fails.
      if (rejection instanceof RateLimiterRes) return decide(rejection, false);
      throw rejection;
    }
  }
}
