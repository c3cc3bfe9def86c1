import { composeServices } from '@apollo/composition';
import { BENCH_SUBGRAPH_NAMES, benchSubgraphTypeDefs } from './subgraph-schemas';

/** The supergraph of the four benchmark subgraphs, served at `<baseUrl>/<name>`. */
export function composeBenchSupergraph(baseUrl: string): string {
  const result = composeServices(
    BENCH_SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `${baseUrl}/${name}`,
      typeDefs: benchSubgraphTypeDefs(name),
    })),
  );
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}
