import { startTracing } from './tracing-sdk';

/**
 * Loaded with `node --require` before a service's own code (the launcher adds it when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set). Spans leave in batches; on SIGTERM the last batch starts
 * flushing at once, while the service drains its requests.
 */
const sdk = startTracing(process.env.OTEL_SERVICE_NAME ?? `ocg-${process.env.OCG_SERVICE ?? 'service'}`);
process.prependOnceListener('SIGTERM', () => void sdk.shutdown());
