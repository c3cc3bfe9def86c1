import { Redis } from 'ioredis';
import { connect as connectNats, Events, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { logger } from '../logger';

export type BrokerKind = 'postgres' | 'redis' | 'nats';

/**
 * Wakes the readers of the event log in every process. It carries no event: a lost message only
 * delays a reader until its next poll or the broker's reconnect, when every reader re-reads the
 * log, so a broker outage never loses an event.
 */
export interface Broker {
  readonly kind: BrokerKind;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** Called after the connection came back: messages sent while it was down are gone. */
  onReconnect(listener: () => void): void;
  /** Whether the connection is up now (readiness): while it is down, readers only poll the log. */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** `EVENT_BROKER` = postgres (default: LISTEN/NOTIFY, nothing to install) | redis (`REDIS_URL`) | nats (`NATS_URL`). */
export async function createBroker(
  databaseUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Broker> {
  const kind = env.EVENT_BROKER ?? 'postgres';
  switch (kind) {
    case 'postgres':
      return PostgresBroker.connect(databaseUrl);
    case 'redis':
      return RedisBroker.connect(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    case 'nats':
      return NatsBroker.connect(env.NATS_URL ?? 'nats://127.0.0.1:4222');
    default:
      throw new Error(`EVENT_BROKER must be postgres, redis or nats; got ${JSON.stringify(kind)}`);
  }
}

const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

/** LISTEN/NOTIFY on one dedicated session per process, re-established (and re-LISTENed) after a loss. */
class PostgresBroker implements Broker {
  readonly kind = 'postgres';
  private client?: Client;
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private closed = false;
  private attempts = 0;

  private constructor(private readonly url: string) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  static async connect(url: string): Promise<PostgresBroker> {
    const broker = new PostgresBroker(url);
    await broker.open();
    return broker;
  }

  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'ocg-events' });
    client.on('notification', (notification) =>
      this.handlers.get(notification.channel)?.(notification.payload ?? ''),
    );
    client.on('error', (error) => logger.warn({ err: error }, 'event broker (postgres) connection failed'));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pgChannel(channel)}`);
    this.client = client;
  }

  private lost(client: Client): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    const retry = () => {
      if (this.closed) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts, RECONNECT_DELAYS_MS.length - 1)];
      this.attempts += 1;
      setTimeout(() => {
        this.open().then(() => {
          this.attempts = 0;
          logger.info('event broker (postgres) reconnected');
          for (const listener of this.reconnectListeners) listener();
        }, retry);
      }, delay).unref();
    };
    retry();
  }

  async publish(channel: string, message: string): Promise<void> {
    if (!this.client) throw new Error('the event broker (postgres) is reconnecting');
    await this.client.query('SELECT pg_notify($1, $2)', [pgChannelName(channel), message]);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<void> {
    this.handlers.set(pgChannelName(channel), onMessage);
    await this.client?.query(`LISTEN ${pgChannel(channel)}`);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end();
  }
}

/** PostgreSQL channel names are identifiers of at most 63 bytes. */
function pgChannelName(channel: string): string {
  return channel.slice(0, 63);
}

function pgChannel(channel: string): string {
  return `"${pgChannelName(channel).replace(/"/g, '""')}"`;
}

/** Redis pub/sub (ioredis): one subscriber and one publisher connection, both reconnecting by themselves. */
class RedisBroker implements Broker {
  readonly kind = 'redis';
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly reconnectListeners: (() => void)[] = [];

  private constructor(
    private readonly subscriber: Redis,
    private readonly publisher: Redis,
  ) {
    let ready = false;
    subscriber.on('message', (channel, message) => this.handlers.get(channel)?.(message));
    subscriber.on('ready', () => {
      // ioredis re-subscribes by itself; the readers must still re-read what they missed.
      if (ready) for (const listener of this.reconnectListeners) listener();
      ready = true;
    });
    for (const connection of [subscriber, publisher]) {
      connection.on('error', (error) =>
        logger.warn({ err: error }, 'event broker (redis) connection failed'),
      );
    }
  }

  get connected(): boolean {
    return this.subscriber.status === 'ready';
  }

  static connect(url: string): RedisBroker {
    // The publisher fails fast during an outage (readers poll the log); the subscriber waits it out.
    return new RedisBroker(
      new Redis(url, { maxRetriesPerRequest: null }),
      new Redis(url, { maxRetriesPerRequest: 1 }),
    );
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<void> {
    this.handlers.set(channel, onMessage);
    await this.subscriber.subscribe(channel);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}

/** NATS core pub/sub (nats.js): reconnects forever; a `reconnect` status makes readers re-read the log. */
class NatsBroker implements Broker {
  readonly kind = 'nats';
  private readonly reconnectListeners: (() => void)[] = [];
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  private up = true;

  private constructor(private readonly connection: NatsConnection) {
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === Events.Disconnect) this.up = false;
        if (status.type === Events.Reconnect) {
          this.up = true;
          for (const listener of this.reconnectListeners) listener();
        }
      }
    })();
  }

  get connected(): boolean {
    return this.up && !this.connection.isClosed();
  }

  static async connect(url: string): Promise<NatsBroker> {
    return new NatsBroker(
      await connectNats({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 500 }),
    );
  }

  async publish(channel: string, message: string): Promise<void> {
    this.connection.publish(channel, this.encoder.encode(message));
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<void> {
    this.connection.subscribe(channel, {
      callback: (error, message) => {
        if (!error) onMessage(this.decoder.decode(message.data));
      },
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
