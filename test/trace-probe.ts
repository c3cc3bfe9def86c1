// The tracing SDK first: its instrumentations patch modules as they load.
import { exporter, sdk } from './trace-probe-tracing';
import 'reflect-metadata';
import { startInProcessPlatform } from '#app/platform';
import { territory, waste } from '#app/registry';

const PROBE_QUERY = `query SeventeenthStations {
  arrondissement(code: 17) { name wasteStations(first: 3) { edges { node { id name } } } }
}`;

/**
 * Runs one federated query through a gateway and two subgraphs with tracing on, and prints every
 * span it produced (one JSON object per line) for e2e/ops/tracing.test.ts to check the tree.
 * Its own process, so the instrumentations load before what they patch, as under the launcher.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must be set');
  const platform = await startInProcessPlatform(databaseUrl, [territory, waste]);
  try {
    const answer = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PROBE_QUERY }),
    });
    if (!answer.ok) throw new Error(`the probe query failed: ${answer.status}`);
  } finally {
    await platform.stop();
  }
  for (const span of exporter.getFinishedSpans()) {
    const line = {
      name: span.name,
      kind: span.kind,
      traceId: span.spanContext().traceId,
      spanId: span.spanContext().spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      statement: span.attributes['db.statement'] ?? span.attributes['db.query.text'],
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  await sdk.shutdown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
