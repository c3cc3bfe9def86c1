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

/** Issue 9's two queries on our own graph (`npm run bench:graph`). */
export const OWN_GRAPH_QUERIES: { name: string; query: string }[] = [
  {
    name: 'arrondissement 17, one field set per subgraph (7)',
    query: `{ arrondissement(code: 17) {
      name population
      budgetProjects(first: 1) { totalCount }
      challenges(first: 1) { totalCount }
      buildings(first: 1) { totalCount }
      accompanimentStats(period: YEAR) { year requests }
      trainingCourses(first: 1) { totalCount }
      waste { stations activeStations }
    } }`,
  },
  {
    name: 'wasteStations(first: 100) with their arrondissement',
    query: `{ wasteStations(first: 100) { edges { node { id name fillingLevel arrondissement { name population } } } } }`,
  },
];
