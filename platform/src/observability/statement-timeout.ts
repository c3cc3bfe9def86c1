import type { IncomingMessage } from 'node:http';

/** What remains of the operation's time budget when the gateway sends a subgraph request, in ms. */
export const TIMEOUT_HEADER = 'x-ocg-timeout-ms';

/** The subgraph's own bound: a request without the header (or claiming more) gets at most this. */
const MAX_TIMEOUT_MS = Number(process.env.GRAPHQL_OPERATION_TIMEOUT_MS ?? 15_000);

/**
 * When the statements of this request must be over (performance.now() clock): the gateway's
 * remaining budget, never more than the subgraph's own operation timeout.
 */
export function requestDeadline(request: IncomingMessage): number {
  const header = request.headers[TIMEOUT_HEADER];
  const given = Number(Array.isArray(header) ? header[0] : header);
  const budget = given > 0 ? Math.min(given, MAX_TIMEOUT_MS) : MAX_TIMEOUT_MS;
  return performance.now() + budget;
}

/** A statement PostgreSQL must end before the request ends; they may still close a transaction. */
export function endsTransaction(text: unknown): boolean {
  return typeof text === 'string' && /^\s*ROLLBACK\b/i.test(text);
}
