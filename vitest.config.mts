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
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Beside the code they test; no database, no network: seconds (`npm run test:unit`).
        test: {
          name: 'unit',
          include: ['{app,platform,gateway,subgraphs,datasets,bench}/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        // One module against the migrated and seeded test database.
        test: {
          name: 'integration',
          include: ['{app,platform,gateway,subgraphs,datasets}/**/*.integration.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
        },
      },
      {
        extends: true,
        // The platform over HTTP, WebSocket and a browser: e2e/<scenario>/.
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup: ['./test/global-setup.ts'] },
      },
    ],
  },
});
