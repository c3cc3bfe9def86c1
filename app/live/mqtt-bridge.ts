import { connect, type MqttClient } from 'mqtt';
import { logger } from '#platform/logger';
import { GatewayClient, RejectedOperationError } from './gateway-client';
import { ingestionOf, MalformedMessageError, MQTT_TOPICS } from './mqtt-messages';

export interface MqttBridgeOptions {
  /** `MQTT_URL`, e.g. mqtt://127.0.0.1:1883. */
  mqttUrl: string;
  /** The gateway's `/graphql` URL: messages are ingested through its public mutations. */
  gatewayUrl: string;
  /**
   * An `operator` key (the launcher's OPERATOR_API_KEY): the bridge reports for every device
   * behind the broker, so which sensor may publish on which topic is the broker's ACL to decide
   * (e.g. Mosquitto `pattern write ocg/energy/%u/reading`), while a sensor posting to the gateway
   * itself is held to its key's devices.
   */
  apiKey: string;
  /** Attempts for a transient ingestion failure (gateway or subgraph restarting). */
  attempts?: number;
}

export interface BridgeCounters {
  received: number;
  ingested: number;
  /** Malformed, refused by the graph, or still failing after every retry. */
  dropped: number;
}

export interface RunningMqttBridge {
  readonly counters: Readonly<BridgeCounters>;
  /** Resolves once subscribed to every topic (the broker may come up after the platform). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Subscribes to the sensor topics of mqtt-messages.ts and ingests each message through the
 * gateway's mutations, with the sensor's own client id: the same validation, authorization and
 * idempotence as a sensor posting GraphQL itself. A bad message is logged and dropped and never
 * stops the bridge; a transient failure is retried with the same id, so nothing is stored twice.
 * Messages of one topic (one sensor) are ingested in the order they arrived.
 */
export function startMqttBridge(options: MqttBridgeOptions): RunningMqttBridge {
  const abort = new AbortController();
  const gateway = new GatewayClient({
    url: options.gatewayUrl,
    apiKey: options.apiKey,
    attempts: options.attempts ?? 8,
    signal: abort.signal,
  });
  const counters: BridgeCounters = { received: 0, ingested: 0, dropped: 0 };
  const queues = new Map<string, Promise<void>>();
  const client: MqttClient = connect(options.mqttUrl, {
    clientId: `ocg-bridge-${process.pid}-${Date.now()}`,
    reconnectPeriod: 1_000,
  });

  const ready = new Promise<void>((resolve) => {
    // Subscribed again on every (re)connection: a clean session forgets subscriptions.
    client.on('connect', () => {
      client.subscribeAsync([...MQTT_TOPICS], { qos: 1 }).then(
        () => {
          logger.info({ topics: MQTT_TOPICS }, 'mqtt bridge: subscribed');
          resolve();
        },
        (error: unknown) => logger.error({ err: error }, 'mqtt bridge: subscribe failed'),
      );
    });
  });
  client.on('error', (error) => logger.warn({ err: error }, 'mqtt bridge: broker connection error'));

  const ingest = async (topic: string, payload: Buffer): Promise<void> => {
    counters.received += 1;
    try {
      const ingestion = ingestionOf(topic, payload);
      await gateway.request(ingestion.query, ingestion.variables);
      counters.ingested += 1;
    } catch (error) {
      if (abort.signal.aborted) return;
      counters.dropped += 1;
      if (error instanceof MalformedMessageError || error instanceof RejectedOperationError)
        logger.warn({ topic, reason: error.message }, 'mqtt bridge: message dropped');
      else logger.error({ topic, err: error }, 'mqtt bridge: ingestion kept failing; message dropped');
    }
  };

  client.on('message', (topic, payload) => {
    const previous = queues.get(topic) ?? Promise.resolve();
    const next = previous.then(() => ingest(topic, payload));
    queues.set(topic, next);
    // The map holds only topics with work in flight, not every sensor ever heard.
    void next.then(() => {
      if (queues.get(topic) === next) queues.delete(topic);
    });
  });

  return {
    counters,
    ready,
    async stop() {
      abort.abort();
      await client.endAsync();
      await Promise.all(queues.values());
    },
  };
}
