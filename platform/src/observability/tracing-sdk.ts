import { DataloaderInstrumentation } from '@opentelemetry/instrumentation-dataloader';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

/**
 * Starts OpenTelemetry tracing in this process: a server span per HTTP request (its parent read
 * from the caller's W3C `traceparent`), a client span per subgraph fetch (the header written),
 * @apollo/gateway's own spans (request, plan, execute, each fetch), a span per DataLoader batch
 * (a resolver batch) and per SQL statement. Spans go over OTLP/HTTP to
 * OTEL_EXPORTER_OTLP_ENDPOINT, or to `exporter` (tests read an in-memory one).
 */
export function startTracing(service: string, exporter?: SpanExporter): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: service,
    ...(exporter
      ? { spanProcessors: [new SimpleSpanProcessor(exporter)] }
      : { traceExporter: new OTLPTraceExporter() }),
    instrumentations: [
      new HttpInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new DataloaderInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}
