import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `#platform/…` and the other subpath imports of package.json point at dist/ for Node; the tests
// read the TypeScript sources their `ocg-source` condition names instead (an alias, not a resolve
// condition: Vitest hands conditions on to Node, and the services a test forks run from dist/).
const imports = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
  .imports as Record<string, { 'ocg-source': string }>;
const alias = Object.entries(imports).map(([name, targets]) => ({
  find: new RegExp(`^${name.replace('*', '(.*)')}$`),
  replacement: fileURLToPath(new URL(targets['ocg-source'].replace('*', '$1'), import.meta.url)),
}));

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'app/**/*.test.ts',
      'platform/**/*.test.ts',
      'gateway/**/*.test.ts',
      'subgraphs/**/*.test.ts',
      'datasets/**/*.test.ts',
      'e2e/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
