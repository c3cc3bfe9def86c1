import path from 'node:path';
import { context, propagation } from '@opentelemetry/api';

/**
 * Writes the current trace context (W3C `traceparent`) into outgoing headers. Without the
 * OpenTelemetry SDK (OTEL_EXPORTER_OTLP_ENDPOINT unset) the global propagator does nothing.
 */
export function injectTraceContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

/**
 * Node options that load the tracing SDK before anything else in a service process, so its
 * instrumentations see http, pg and dataloader loaded; none when tracing is off (zero cost).
 */
export function tracingExecArgv(env: NodeJS.ProcessEnv = process.env): string[] {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return [];
  return ['--require', path.join(__dirname, 'register-tracing.js')];
}
