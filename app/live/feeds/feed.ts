import type { SeededRandom } from '#platform/random';
import type { GatewayClient } from '../gateway-client';

/** What every simulated source shares: the gateway, its own seeded generator and this run's id. */
export interface FeedContext {
  client: GatewayClient;
  random: SeededRandom;
  /**
   * Unique to this run of the simulator and part of every client id it sends: ingestion is
   * idempotent on those ids, so a second run with the same seed must not replay the first run's
   * ids with other timestamps (that would be a CONFLICT, not a new reading).
   */
  runId: string;
  /** The arrondissements whose stations, buildings, projects and people the feed drives. */
  arrondissements: readonly number[];
  /** Counts one successful mutation, by its root field name. */
  count(mutation: string): void;
}

/**
 * One simulated source of live data (waste sensors, meters, voters, callers of the phone line).
 * `discover` reads what exists in the graph through public queries and answers false when the
 * feed has nothing to drive; `tick` sends one round of mutations.
 */
export interface Feed {
  readonly name: string;
  discover(): Promise<boolean>;
  tick(now: Date): Promise<void>;
}

/** A client id unique to this run: `sim-<runId>-<kind>-<n>`. */
export function clientId(context: FeedContext, kind: string, sequence: number): string {
  return `sim-${context.runId}-${kind}-${sequence}`;
}

/** Rounds to the precision a sensor would report, so the numbers on a dashboard look like readings. */
export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
