import { randomBytes } from 'node:crypto';
import { logger } from '#platform/logger';
import { SeededRandom } from '#platform/random';
import { BudgetFeed } from './feeds/budget';
import { EnergyFeed } from './feeds/energy';
import type { Feed, FeedContext } from './feeds/feed';
import { MobilityFeed } from './feeds/mobility';
import { WasteFeed } from './feeds/waste';
import { GatewayClient, RejectedOperationError } from './gateway-client';

export interface SimulatorOptions {
  /** The gateway's `/graphql` URL: the simulator uses the public ingestion path, nothing else. */
  gatewayUrl: string;
  /** A key with the `sensor` and `operator` roles. */
  apiKey: string;
  /** The same seed gives the same stations, levels, ballots and requests, in the same order. */
  seed: number;
  /** Time between two rounds; the first round starts at once. */
  intervalMs?: number;
  /** Only these feeds (all four by default). */
  feeds?: FeedName[];
  /** Stations, buildings, projects and people of these arrondissements only (all 20 by default). */
  arrondissements?: number[];
}

export type FeedName = 'waste' | 'energy' | 'budget' | 'mobility';

export interface RunningSimulator {
  /** In every client id this run sends (`sim-<runId>-…`), to tell its data from another run's. */
  readonly runId: string;
  /** Successful mutations so far, by root field name. */
  readonly sent: Readonly<Record<string, number>>;
  /** Rounds completed. */
  readonly ticks: number;
  /** Stops the rounds and waits for the one under way. */
  stop(): Promise<void>;
}

/**
 * The live demo of `npm start`: waste sensors, meters, voters and the Paris en Compagnie line,
 * sending realistic data every few seconds through the gateway's real mutations, so a dashboard
 * subscribed on a fresh machine sees data move. A feed whose mutation the graph does not have
 * (its subgraph is older, or not deployed) switches itself off; a failed round is logged and the
 * next one goes on, since a demo must never take the platform down.
 */
export function startSimulator(options: SimulatorOptions): RunningSimulator {
  const abort = new AbortController();
  const client = new GatewayClient({
    url: options.gatewayUrl,
    apiKey: options.apiKey,
    signal: abort.signal,
  });
  const sent: Record<string, number> = {};
  const runId = randomBytes(4).toString('hex');
  const context = (name: FeedName): FeedContext => ({
    client,
    // One generator per feed: adding or switching off a feed leaves the others' sequences unchanged.
    random: new SeededRandom(options.seed, `simulator:${name}`),
    runId,
    arrondissements: options.arrondissements ?? Array.from({ length: 20 }, (_, index) => index + 1),
    count: (mutation) => (sent[mutation] = (sent[mutation] ?? 0) + 1),
  });
  const all: Record<FeedName, () => Feed> = {
    waste: () => new WasteFeed(context('waste'), { stationsPerArrondissement: 3, reportsPerTick: 6 }),
    energy: () => new EnergyFeed(context('energy'), { buildingsPerArrondissement: 2 }),
    budget: () => new BudgetFeed(context('budget'), { votesPerTick: 1 }),
    mobility: () => new MobilityFeed(context('mobility'), { requestChance: 0.3 }),
  };
  const pending = (options.feeds ?? (Object.keys(all) as FeedName[])).map((name) => all[name]());
  const active: Feed[] = [];
  let ticks = 0;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  /** Runs one step of a feed: its result, or none after a failure; `drop` when the feed is to go for good. */
  const attempt = async <T>(feed: Feed, step: () => Promise<T>): Promise<{ value?: T; drop: boolean }> => {
    try {
      return { value: await step(), drop: false };
    } catch (error) {
      if (abort.signal.aborted) return { drop: false };
      if (error instanceof RejectedOperationError && error.unknownField) {
        logger.info({ feed: feed.name, reason: error.message }, 'simulator: the graph lacks this feed; off');
        return { drop: true };
      }
      logger.warn({ feed: feed.name, err: error }, 'simulator: round failed; trying again next round');
      return { drop: false };
    }
  };

  const tick = async (): Promise<void> => {
    const now = new Date();
    for (const feed of [...pending]) {
      const { value: found, drop } = await attempt(feed, () => feed.discover());
      // A passing failure (the gateway may still be warming up): discovery is tried again next round.
      if (found === undefined && !drop) continue;
      pending.splice(pending.indexOf(feed), 1);
      if (found) {
        active.push(feed);
        logger.info({ feed: feed.name }, 'simulator: feed started');
      } else if (found === false) logger.info({ feed: feed.name }, 'simulator: nothing to drive; off');
    }
    for (const feed of [...active]) {
      if (abort.signal.aborted) return;
      if ((await attempt(feed, () => feed.tick(now))).drop) active.splice(active.indexOf(feed), 1);
    }
    ticks += 1;
  };

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      round = tick().finally(() => {
        if (!abort.signal.aborted) schedule(options.intervalMs ?? 5_000);
      });
    }, delay);
  };
  schedule(0);

  return {
    runId,
    sent,
    get ticks() {
      return ticks;
    },
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await round;
    },
  };
}
