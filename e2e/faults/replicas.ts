import { randomBytes } from 'node:crypto';
import { startGateway } from '#gateway/server';
import type { RunningGateway } from '#gateway/options';
import { composeSupergraph, subgraphSdl } from '#platform/composition';
import { startSubgraph, type RunningSubgraph } from '#platform/server';
import { territory, waste } from '#app/registry';

export interface SplitWaste {
  /** Its waste service is `reader`: the subscriber's events come from there. */
  subscriberGateway: RunningGateway;
  /** Its waste service is `writer`: fill levels reported through it are appended there. */
  writerGateway: RunningGateway;
  reader: RunningSubgraph;
  writer: RunningSubgraph;
  stop(): Promise<void>;
}

/**
 * Territory, two waste replicas and two gateways: the subscriber's replica learns of the writer's
 * events only through the broker (or its poll), which is what a fault test needs to cut.
 * `readerDatabaseUrl` lets the reader reach PostgreSQL through a proxy the test controls.
 */
export async function startSplitWaste(
  databaseUrl: string,
  readerDatabaseUrl = databaseUrl,
): Promise<SplitWaste> {
  const gatewaySecret = randomBytes(16).toString('hex');
  const base = { gatewaySecret, port: 0 };
  const territoryService = await startSubgraph(territory, { ...base, databaseUrl });
  const reader = await startSubgraph(waste, { ...base, databaseUrl: readerDatabaseUrl });
  const writer = await startSubgraph(waste, { ...base, databaseUrl });
  const supergraphSdl = composeSupergraph(
    [territoryService, reader].map((service) => ({ name: service.name, sdl: subgraphSdl(service.schema) })),
    { territory: territoryService.url, waste: reader.url },
  );
  const gateway = (wasteUrl: string) =>
    startGateway({
      port: 0,
      supergraphSdl,
      gatewaySecret,
      databaseUrl,
      rateLimit: false,
      subgraphUrls: { waste: wasteUrl },
    });
  const subscriberGateway = await gateway(reader.url);
  const writerGateway = await gateway(writer.url);
  return {
    subscriberGateway,
    writerGateway,
    reader,
    writer,
    async stop() {
      await Promise.all([subscriberGateway.stop(), writerGateway.stop()]);
      await Promise.all([territoryService, reader, writer].map((service) => service.stop()));
    },
  };
}
