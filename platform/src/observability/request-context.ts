import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header that carries one request's id from the caller (or the gateway) to every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a caller may choose: short and printable, so it can never forge or break a log line. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

export interface RequestScope {
  id: string;
  /** When the request arrived (performance.now()): operation budgets count from here. */
  startedAt: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` as the request `request` (its `x-request-id`, or a new one), answering the id in the
 * response's header: every log line written meanwhile carries it, and the gateway forwards it.
 */
export function runWithRequestId<T>(
  request: IncomingMessage,
  response: ServerResponse,
  work: (id: string) => T,
): T {
  const header = request.headers[REQUEST_ID_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return scopes.run({ id, startedAt: performance.now() }, work, id);
}

/** The request being served, if any (log lines and subgraph fetches read it). */
export function currentRequest(): RequestScope | undefined {
  return scopes.getStore();
}

export function currentRequestId(): string | undefined {
  return scopes.getStore()?.id;
}
