/**
 * The layers of the project, checked by `npm run check:deps` (CI):
 *   app/                              the launcher, CLIs, live feeds, the registry of subgraphs
 *   gateway/   subgraphs/<name>/      the services
 *   datasets/  migrations/            what feeds a subgraph: they import it, it never imports them
 *   platform/                         plumbing shared by every service; imports none of the above
 * Tests (`*.test.ts`, test/, e2e/) and benchmarks (bench/) sit on top and may reach any layer;
 * production code never imports them.
 */
const TESTS = '(^(test|e2e|bench)/|\\.test\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; split what they share into a third.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Test helpers, end-to-end scenarios and benchmarks are never imported by production code.',
      from: { pathNot: TESTS },
      to: { path: '^(test|e2e|bench)/' },
    },
    {
      name: 'platform-is-the-bottom',
      severity: 'error',
      comment: 'platform/ is shared plumbing: it imports no service, no feed and no application code.',
      from: { path: '^platform/', pathNot: TESTS },
      to: { path: '^(app|gateway|subgraphs|datasets|migrations|schema)/' },
    },
    {
      name: 'gateway-knows-no-subgraph-code',
      severity: 'error',
      comment:
        'The gateway knows the graph from the composed supergraph and dataset index, not from their code.',
      from: { path: '^gateway/', pathNot: TESTS },
      to: { path: '^(app|subgraphs|datasets|migrations)/' },
    },
    {
      name: 'subgraphs-are-fed-not-feeding',
      severity: 'error',
      comment:
        'A subgraph never imports what feeds it (datasets, migrations), the gateway or the application.',
      from: { path: '^subgraphs/', pathNot: TESTS },
      to: { path: '^(app|gateway|datasets|migrations)/' },
    },
    {
      name: 'subgraphs-are-independent',
      severity: 'error',
      comment: 'Subgraphs meet only through federation: none imports another.',
      from: { path: '^subgraphs/([^/]+)/', pathNot: TESTS },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'migrations-hold-their-own-sql',
      severity: 'error',
      comment:
        'An applied migration must not change when service code does: migrations import plumbing only.',
      from: { path: '^migrations/', pathNot: TESTS },
      to: { path: '^(app|gateway|subgraphs|datasets)/' },
    },
    {
      name: 'datasets-feed-one-way',
      severity: 'error',
      comment:
        'Datasets import the subgraph they feed and plumbing, never the gateway, migrations or the application.',
      from: { path: '^datasets/', pathNot: TESTS },
      to: { path: '^(app|gateway|migrations)/' },
    },
    {
      name: 'no-climbing-across-folders',
      severity: 'error',
      comment: 'Import another folder by name (#platform/…, #waste/…), not with ../../..',
      from: {
        path: '^(app|platform/src|gateway|subgraphs/[^/]+/src|datasets|migrations|test|e2e|bench)/',
      },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased-subpath-import'], pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['ocg-source', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
