import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG } from '#datasets/catalog';
import { persistedOperationManifest } from '#gateway/persisted-operations';
import { dashboardOperationSources } from '#gateway/web/operations';
import { apiSchemaSdl, buildSubgraphSdls, composeSupergraph } from '#platform/composition';
import { SUBGRAPHS } from '../registry';

/**
 * `npm run compose` writes each subgraph's SDL to schema/<name>.graphql, the composed supergraph
 * to schema/supergraph.graphql, the client-facing API schema to schema/api.graphql and the
 * persisted-operation manifest of the client operations codegen types (schema/operations/ and the
 * dashboard's, gateway/web/dashboard/operations/) to schema/__generated__/persisted-operations.json
 * and the datasets' owners (the gateway's download routes) to schema/__generated__/datasets.json;
 * `--check` (CI) fails if the committed files differ.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const schemaDirectory = path.join(__dirname, '..', '..', '..', 'schema');
  const subgraphs = await buildSubgraphSdls(SUBGRAPHS);
  const files = new Map<string, string>(
    subgraphs.map((subgraph) => [`${subgraph.name}.graphql`, subgraph.sdl]),
  );
  const supergraph = composeSupergraph(subgraphs);
  files.set('supergraph.graphql', supergraph);
  files.set('api.graphql', apiSchemaSdl(supergraph));
  const operationsDirectory = path.join(schemaDirectory, 'operations');
  const operations = readdirSync(operationsDirectory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(operationsDirectory, name), 'utf8'))
    .concat(dashboardOperationSources());
  files.set(
    path.join('__generated__', 'persisted-operations.json'),
    `${JSON.stringify(persistedOperationManifest(operations), null, 2)}\n`,
  );
  files.set(
    path.join('__generated__', 'datasets.json'),
    `${JSON.stringify(
      CATALOG.map((dataset) => ({ id: dataset.id, subgraph: dataset.subgraph })),
      null,
      2,
    )}\n`,
  );
  const stale: string[] = [];
  if (!check) mkdirSync(path.join(schemaDirectory, '__generated__'), { recursive: true });
  for (const [name, content] of files) {
    const file = path.join(schemaDirectory, name);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === content) continue;
    if (check) stale.push(name);
    else writeFileSync(file, content);
  }
  if (stale.length > 0) {
    console.error(
      `schema/ is out of date (${stale.join(', ')}): run \`npm run compose\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(check ? 'schema/ matches the subgraphs.' : `Wrote ${files.size} files to schema/.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
