import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ResponseCache, subgraphMap, subgraphsRead } from './response-cache';

const supergraphSdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const map = subgraphMap(supergraphSdl);

function read(query: string): string[] {
  const document = parse(query);
  return [...subgraphsRead(document, document.definitions[0] as OperationDefinitionNode, map)].sort();
}

describe('the subgraphs a cached answer depends on', () => {
  it('are those that resolve its fields, entity fields included', () => {
    expect(read('{ arrondissement(code: 17) { name population } }')).toEqual(['territory']);
    expect(read('{ arrondissement(code: 17) { name waste { stations } } }')).toEqual(['territory', 'waste']);
    // `id` is a key other subgraphs can resolve too: counting them only widens invalidation.
    const stations = read('{ wasteStations(first: 5) { edges { node { id arrondissement { name } } } } }');
    expect(stations).toEqual(expect.arrayContaining(['territory', 'waste']));
    expect(stations).not.toContain('budget');
  });

  it('follow fragments', () => {
    expect(
      read(
        '{ arrondissement(code: 1) { ...a } } fragment a on Arrondissement { budgetProjects { totalCount } ... on Arrondissement { name } }',
      ),
    ).toEqual(['budget', 'territory']);
  });
});

describe('the response cache', () => {
  it('is off on a supergraph whose subgraphs send no change notifications', async () => {
    const foreign = supergraphSdl.replace(/name: "waste"/, 'name: "inventory"');
    expect(await ResponseCache.start(foreign, 'postgres://unused@127.0.0.1:1/none')).toBeUndefined();
  });
});
