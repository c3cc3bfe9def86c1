import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '#platform/observability/tracing-sdk';

/** Imported first by the probe: tracing must start before http, pg and dataloader are loaded. */
export const exporter = new InMemorySpanExporter();
export const sdk = startTracing('ocg-trace-probe', exporter);
