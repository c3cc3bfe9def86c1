import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema, type GraphQLSchema } from 'graphql';
import type { SubgraphDefinition } from './subgraph';
import { subgraphUrl, type SubgraphName } from './subgraphs';

export interface BuiltSubgraph {
  name: SubgraphName;
  sdl: string;
}

/** The SDL a subgraph publishes as `_service { sdl }`, federation directives included. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

export async function buildSubgraphSdls(definitions: SubgraphDefinition[]): Promise<BuiltSubgraph[]> {
  const built: BuiltSubgraph[] = [];
  for (const definition of definitions) {
    built.push({ name: definition.name, sdl: subgraphSdl(await definition.buildSchema()) });
  }
  return built;
}

/** Composes the supergraph in code; `urls` defaults to each subgraph's loopback address. */
export function composeSupergraph(
  subgraphs: BuiltSubgraph[],
  urls: Partial<Record<SubgraphName, string>> = {},
): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: urls[subgraph.name] ?? subgraphUrl(subgraph.name),
      typeDefs: parse(subgraph.sdl),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

/** The schema clients see (no federation machinery): what codegen and client tooling read. */
export function apiSchemaSdl(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(api).trim()}\n`;
}
