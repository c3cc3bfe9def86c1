import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import { logger } from '../logger';
import { createBroker, type Broker } from './broker';
import { eventRetentionHours, pruneEvents } from './log';
import { listenForWakes, stopListeningForWakes, takePendingWakes } from './pending-wakes';

const hubs = new WeakMap<DataSource, EventHub>();

/** Wakes one reader: `changed()` returns at once if a wake came since the last call. */
export class StreamWatcher {
  private dirty = false;
  private release?: () => void;

  constructor(private readonly detach: (watcher: StreamWatcher) => void) {}

  notify(): void {
    this.dirty = true;
    this.release?.();
  }

  /** Resolves on a wake, after `timeoutMs` (the poll that covers lost wakes), or when `signal` aborts. */
  async changed(timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (!this.dirty && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.release = undefined;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal.addEventListener('abort', done, { once: true });
        this.release = done;
      });
    }
    this.dirty = false;
  }

  close(): void {
    this.release?.();
    this.detach(this);
  }
}

/**
 * The live side of one service's event log, one per process: it listens on the broker for the
 * streams other processes changed, wakes this process's readers, publishes this process's commits,
 * and prunes the log past its retention.
 */
export class EventHub {
  private readonly watchers = new Map<string, Set<StreamWatcher>>();
  /** Streams this process has committed to: a handful of names (`waste-station`…), never ids. */
  private readonly published = new Set<string>();
  private pruner?: NodeJS.Timeout;

  private constructor(
    private readonly db: DataSource,
    private readonly broker: Broker,
    private readonly channel: string,
    readonly pollIntervalMs: number,
  ) {}

  /**
   * `EVENT_POLL_MS` (default 5000) bounds how late a reader can be when a wake is lost;
   * `EVENT_RETENTION_HOURS` how long the log keeps events.
   */
  static async start(db: DataSource, env: NodeJS.ProcessEnv = process.env): Promise<EventHub> {
    const options = db.options as { url?: string; schema?: string };
    if (!options.url) throw new Error('The event hub needs a data source opened with a URL');
    const database = decodeURIComponent(new URL(options.url).pathname.slice(1));
    const broker = await createBroker(options.url, env);
    const hub = new EventHub(
      db,
      broker,
      `ocg.events.${database}.${options.schema ?? 'public'}`,
      Number(env.EVENT_POLL_MS ?? 5000),
    );
    await broker.subscribe(hub.channel, (stream) => hub.wake(stream));
    broker.onReconnect(() => {
      hub.wakeAll();
      hub.republish();
    });
    db.subscribers.push(hub.commitPublisher());
    hubs.set(db, hub);
    listenForWakes(db);
    hub.startPruning(eventRetentionHours(env));
    return hub;
  }

  get brokerConnected(): boolean {
    return this.broker.connected;
  }

  watch(stream: string): StreamWatcher {
    const watcher = new StreamWatcher((closed) => this.watchers.get(stream)?.delete(closed));
    const set = this.watchers.get(stream) ?? new Set<StreamWatcher>();
    set.add(watcher);
    this.watchers.set(stream, set);
    return watcher;
  }

  async close(): Promise<void> {
    hubs.delete(this.db);
    stopListeningForWakes(this.db);
    clearInterval(this.pruner);
    const index = this.db.subscribers.findIndex((subscriber) => pendingOwner.get(subscriber) === this);
    if (index >= 0) this.db.subscribers.splice(index, 1);
    this.wakeAll();
    await this.broker.close();
  }

  private wake(stream: string): void {
    for (const watcher of this.watchers.get(stream) ?? []) watcher.notify();
  }

  private wakeAll(): void {
    for (const set of this.watchers.values()) for (const watcher of set) watcher.notify();
  }

  /**
   * A wake sent just before a broker outage may have died with the connection without an error
   * (NATS buffers, a cut socket swallows): once reconnected, wake the other processes again for every
   * stream this one writes. Readers re-read from their own cursor, so a spare wake costs one query.
   */
  private republish(): void {
    for (const stream of this.published) {
      this.broker.publish(this.channel, stream).catch(() => undefined);
    }
  }

  /** Local readers are woken at once; the broker reaches the other processes (and replicas). */
  private publish(streams: Set<string>): void {
    for (const stream of streams) {
      this.published.add(stream);
      this.wake(stream);
      this.broker.publish(this.channel, stream).catch((error: unknown) => {
        logger.warn(
          { err: error, stream },
          'event wake not published; remote readers catch up on their next poll',
        );
      });
    }
  }

  private commitPublisher(): EntitySubscriberInterface {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => {
        // A released savepoint is not a commit: wait for the outermost transaction.
        if (queryRunner.isTransactionActive) return;
        const streams = takePendingWakes(queryRunner);
        if (streams) this.publish(streams);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) takePendingWakes(queryRunner);
      },
    };
    pendingOwner.set(subscriber, this);
    return subscriber;
  }

  private startPruning(retentionHours: number): void {
    const every = Math.min((retentionHours * 3_600_000) / 4, 10 * 60_000);
    const prune = () => {
      pruneEvents(this.db, retentionHours).then(
        (deleted) => deleted > 0 && logger.info({ deleted, retentionHours }, 'pruned the event log'),
        (error: unknown) => logger.warn({ err: error }, 'event log pruning failed'),
      );
    };
    this.pruner = setInterval(prune, every);
    this.pruner.unref();
  }
}

const pendingOwner = new WeakMap<EntitySubscriberInterface, EventHub>();

/** The hub of a service that serves live events; undefined for one that serves none. */
export function findEventHub(db: DataSource): EventHub | undefined {
  return hubs.get(db);
}

/** The hub of a service's data source; throws when the service was started without live events. */
export function eventHubOf(db: DataSource): EventHub {
  const hub = hubs.get(db);
  if (!hub) throw new Error('This service serves no live events: its event hub was not started');
  return hub;
}
