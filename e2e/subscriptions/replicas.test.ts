import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startGateway } from '#gateway/server';
import type { RunningGateway } from '#gateway/options';
import { composeSupergraph, subgraphSdl } from '#platform/composition';
import { startSubgraph, type RunningSubgraph } from '#platform/server';
import { territory, waste } from '#app/registry';
import {
  eventually,
  gatewayClient,
  metricsOf,
  OPERATOR_KEY,
  Recorder,
  reportFillLevel,
  STATION_UPDATES,
  wsClient,
  type StationEvent,
} from '#test/live-clients';
import { restoreEnvAfterEach } from '#test/env';

type Updates = { wasteStationUpdated: StationEvent };

interface Replicas {
  gateways: RunningGateway[];
  stop(): Promise<void>;
}

let running: Replicas | undefined;
restoreEnvAfterEach();

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/**
 * Two waste replicas and two gateways on one PostgreSQL; gateway i reads events from replica i.
 * Polling is pushed out of reach, so a reader learns of the other replica's writes only through
 * the broker under test.
 */
async function startReplicas(broker: string): Promise<Replicas> {
  process.env.EVENT_BROKER = broker;
  process.env.EVENT_POLL_MS = '600000';
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  const databaseUrl = inject('databaseUrl');
  const gatewaySecret = randomBytes(16).toString('hex');
  const options = { databaseUrl, gatewaySecret, port: 0 };
  const services: RunningSubgraph[] = [
    await startSubgraph(territory, options),
    await startSubgraph(waste, options),
    await startSubgraph(waste, options),
  ];
  const [territoryService, wasteA, wasteB] = services;
  const supergraphSdl = composeSupergraph(
    [territoryService, wasteA].map((service) => ({ name: service.name, sdl: subgraphSdl(service.schema) })),
    { territory: territoryService.url, waste: wasteA.url },
  );
  const gateways = [
    await startGateway({
      port: 0,
      supergraphSdl,
      gatewaySecret,
      databaseUrl,
      rateLimit: false,
      subgraphUrls: { waste: wasteA.url },
    }),
    await startGateway({
      port: 0,
      supergraphSdl,
      gatewaySecret,
      databaseUrl,
      rateLimit: false,
      subgraphUrls: { waste: wasteB.url },
    }),
  ];
  return {
    gateways,
    async stop() {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      await Promise.all(services.map((service) => service.stop()));
    },
  };
}

async function deliversExactlyOnce(
  broker: string,
  stationId: string,
  interrupt?: () => Promise<void>,
): Promise<void> {
  running = await startReplicas(broker);
  const { gateways } = running;
  const recorders = gateways.flatMap((gateway) =>
    [0, 1].map(() => new Recorder<Updates>(wsClient(gateway), STATION_UPDATES, { stationId })),
  );
  await eventually(() => gateways.every((gateway) => metricsOf(gateway).upstreamSubscriptions === 1));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await interrupt?.();
  const levels = Array.from({ length: 20 }, (_, index) => (index + 1) / 40);
  for (const [index, level] of levels.entries()) {
    // Writes alternate between the replicas, so every reader depends on the broker for half of them.
    await reportFillLevel(gatewayClient(gateways[index % 2]), stationId, level);
  }
  await Promise.all(recorders.map((recorder) => recorder.waitFor(20)));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const reference = recorders[0].data.map((data) => data.wasteStationUpdated.eventId);
  for (const recorder of recorders) {
    const events = recorder.data.map((data) => data.wasteStationUpdated);
    expect(events.map((event) => event.fillingLevel)).toEqual(levels);
    expect(events.map((event) => event.eventId)).toEqual(reference);
    expect(new Set(reference).size).toBe(20);
  }
  for (const recorder of recorders) recorder.close();
}

describe('two gateways and two subgraph replicas on one database', () => {
  it('deliver every event exactly once to each client with PostgreSQL LISTEN/NOTIFY', async () => {
    await deliversExactlyOnce('postgres', 'TRILIB-15-0001');
  });

  it('deliver every event exactly once to each client with Redis', async () => {
    await deliversExactlyOnce('redis', 'TRILIB-15-0002');
  });

  it('deliver every event exactly once to each client with NATS', async () => {
    await deliversExactlyOnce('nats', 'TRILIB-15-0003');
  });

  it('lose nothing when the broker connection drops: readers re-read the log when it is back', async () => {
    await deliversExactlyOnce('postgres', 'TRILIB-15-0004', async () => {
      const admin = new Client({ connectionString: inject('databaseUrl') });
      await admin.connect();
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ocg-events' AND datname = current_database()",
      );
      await admin.end();
      expect(rowCount).toBeGreaterThan(0);
    });
  });
});
