import type { Server } from 'node:http';
import type { Identity } from '#platform/identity';
import type { SubgraphName } from '#platform/subgraphs';
import type { DatasetOwner } from './dataset-index';
import type { ExecutionOptions } from './execution';
import type { JwtSettings } from './jwt';
import type { OperationLimits } from './limits/config';
import type { PersistedOperations } from './persisted-operations';
import type { RateLimitConfig } from './rate-limit';

export interface GatewayContext {
  identity: Identity;
}

/** What a deployment (or a test) may tune; each defaults to its environment variables. */
export interface GatewaySecurityOptions {
  /** `NODE_ENV=production`: introspection, suggestions and the landing page off. */
  production?: boolean;
  /** `false` turns rate limiting off. */
  rateLimit?: RateLimitConfig | false;
  /** Bearer tokens are refused when no key is configured. */
  jwt?: JwtSettings;
  limits?: OperationLimits;
  /** The persisted-operation manifest and mode (`PERSISTED_OPERATIONS`); `false` turns it off. */
  persistedOperations?: PersistedOperations | false;
  /** Reverse proxies in front of the gateway: the client address is this many entries from the right of X-Forwarded-For. */
  trustProxyHops?: number;
  /** Our plan executor and in-flight deduplication (`GATEWAY_PLAN_EXECUTOR`, `GATEWAY_DEDUPLICATION`). */
  execution?: ExecutionOptions;
}

export interface GatewayOptions extends GatewaySecurityOptions {
  /** 0 picks a free port (tests). */
  port: number;
  supergraphSdl: string;
  gatewaySecret: string;
  /** API keys and rate-limit counters live in its `gateway` schema (migrated by prepareDatabase). */
  databaseUrl: string;
  /** Overrides the subgraph URLs written in the supergraph (tests, other hosts). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Who exports each dataset of /datasets/…; by default the index `npm run compose` wrote. */
  datasets?: readonly DatasetOwner[];
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}
