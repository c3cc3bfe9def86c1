import 'reflect-metadata';
import { startInProcessPlatform } from '#app/platform';
import { territory, waste } from '#app/registry';

/**
 * One peer of `npm run bench:ops`: territory and waste behind a gateway in this process, with the
 * observability settings of its environment (METRICS, OTEL_EXPORTER_OTLP_ENDPOINT). Sends its
 * gateway URL to the bench, answers its CPU-time questions, stops when the bench lets go.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must be set');
  const platform = await startInProcessPlatform(databaseUrl, [territory, waste]);
  process.send?.({ url: platform.gateway.url });
  // The bench asks for this process's CPU time around each measure: CPU per request, unlike
  // throughput, hardly depends on what the machine's other tenants do.
  process.on('message', (message: { cpu?: boolean }) => {
    if (message.cpu) process.send?.({ cpu: process.cpuUsage() });
  });
  process.once('disconnect', () => void platform.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
