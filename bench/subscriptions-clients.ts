import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The subscribers of `bench/subscriptions.ts`, in their own process so that their work does not
 * count as the gateway's. Argument: the gateway URL, the subscriber count and the station; each
 * connection multiplexes up to SUBSCRIPTIONS_PER_CONNECTION subscriptions, as a dashboard would.
 * Reports `ready`, then on `collect` every delivery latency (receive time minus `observedAt`).
 */
const SUBSCRIPTIONS_PER_CONNECTION = 50;

interface Delivery {
  observedAt: string;
}

function main(): void {
  const [url, countText, stationId] = process.argv.slice(2);
  const count = Number(countText);
  const latencies: number[] = [];
  const received = new Array<number>(count).fill(0);
  let acknowledged = 0;
  const clients: Client[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index % SUBSCRIPTIONS_PER_CONNECTION === 0) {
      clients.push(createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false }));
    }
    const client = clients[clients.length - 1];
    client.subscribe<{ wasteStationUpdated: Delivery }>(
      {
        query:
          'subscription ($stationId: ID) { wasteStationUpdated(stationId: $stationId) { eventId observedAt station { arrondissement { name population } } } }',
        variables: { stationId },
      },
      {
        next: (result) => {
          const event = result.data?.wasteStationUpdated;
          if (!event) return;
          latencies.push(Date.now() - Date.parse(event.observedAt));
          received[index] += 1;
        },
        error: (error) => process.send?.({ error: String(error) }),
        complete: () => {},
      },
    );
  }
  for (const client of clients) client.on('connected', () => (acknowledged += 1));
  const ready = setInterval(() => {
    if (acknowledged < clients.length) return;
    clearInterval(ready);
    process.send?.({ ready: true });
  }, 50);
  process.on('message', (message: { collect?: boolean; expected?: number }) => {
    if (!message.collect) return;
    const complete = received.filter((value) => value >= (message.expected ?? 0)).length;
    process.send?.({ latencies, complete });
  });
}

main();
