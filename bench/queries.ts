/** Representative gateway queries: one per kind of work the graph does. */
export const BENCH_QUERIES: { name: string; query: string }[] = [
  {
    name: 'arrondissements (one subgraph, 20 rows)',
    query: '{ arrondissements { code name population location { latitude longitude } } }',
  },
  {
    name: 'arrondissement 17 with districts (nested, batched)',
    query: '{ arrondissement(code: 17) { name officialName districts { id name location { latitude } } } }',
  },
];
