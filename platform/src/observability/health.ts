import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { findEventHub } from '../events/hub';
import { sendJson } from '../http';
import { logger } from '../logger';
import { metricsEnabled, serveMetrics } from './metrics';
import { runWithRequestId } from './request-context';

/** LOG_LEVEL=debug: one line per request served, in each service it reached (same requestId). */
function accessLog(request: IncomingMessage, response: ServerResponse, requestId: string): void {
  const started = performance.now();
  response.once('close', () =>
    logger.debug(
      {
        requestId,
        method: request.method,
        path: (request.url ?? '/').split('?')[0],
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
      },
      'request served',
    ),
  );
}

/** One dependency a service needs to serve: it resolves when usable, rejects saying why not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = Number(process.env.HEALTH_CHECK_TIMEOUT_MS ?? 2_000);

function bounded(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check.check(), timeout])
    .then(
      () => 'ok',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    .finally(() => clearTimeout(timer));
}

/** Readiness: 200 when every check passes, 503 naming the ones that fail (load balancers read the status). */
async function serveReadiness(response: ServerResponse, service: string, checks: ReadinessCheck[]) {
  const results = await Promise.all(checks.map(bounded));
  const report = Object.fromEntries(checks.map((check, index) => [check.name, results[index]]));
  const ready = results.every((result) => result === 'ok');
  sendJson(response, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', service, checks: report });
}

export interface OperationsOptions {
  service: string;
  checks: ReadinessCheck[];
  /** Whether this port serves /metrics (default true; the gateway's moves to METRICS_PORT when set). */
  metrics?: boolean;
}

/**
 * Wraps a service's request listener with what operators need: `/health/live` (the process
 * answers: the launcher restarts it when it does not), `/health/ready` and its alias `/health`
 * (every dependency usable), `/metrics`, and a request id on everything else.
 */
export function withOperations(options: OperationsOptions, serve: RequestListener): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    if (url.startsWith('/health') || url.startsWith('/metrics')) {
      const path = url.split('?')[0];
      if (path === '/health/live') return sendJson(response, 200, { status: 'ok', service: options.service });
      if (path === '/health/ready' || path === '/health')
        return void serveReadiness(response, options.service, options.checks);
      if (path === '/metrics' && options.metrics !== false && metricsEnabled)
        return void serveMetrics(response);
    }
    runWithRequestId(request, response, (id) => {
      if (logger.isLevelEnabled('debug')) accessLog(request, response, id);
      serve(request, response);
    });
  };
}

/**
 * Puts `withOperations` around the request listener `server` was created with, so a service adds
 * them with one call after `createServer` (WebSocket upgrades are not requests: untouched).
 */
export function serveOperations(server: Server, options: OperationsOptions): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  for (const listener of listeners) server.on('request', withOperations(options, listener));
}

/** The database answers a statement. */
export function databaseCheck(db: DataSource): ReadinessCheck {
  return { name: 'database', check: async () => void (await db.query('SELECT 1')) };
}

/** The service's event broker (if it serves live events) is connected. */
export function brokerCheck(db: DataSource): ReadinessCheck {
  return {
    name: 'broker',
    async check() {
      const hub = findEventHub(db);
      if (hub && !hub.brokerConnected) throw new Error('the event broker is disconnected');
    },
  };
}

/** Another service is ready (the gateway asks each subgraph). */
export function serviceCheck(name: string, graphqlUrl: string): ReadinessCheck {
  const url = graphqlUrl.replace(/\/graphql$/, '/health/ready');
  return {
    name,
    async check() {
      const answer = await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      if (!answer.ok) throw new Error(`not ready (${answer.status})`);
    },
  };
}
