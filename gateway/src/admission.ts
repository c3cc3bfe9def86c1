import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import { sendJson } from '#platform/http';
import type { Identity } from '#platform/identity';
import { recordRateLimitRefusal } from '#platform/observability/metrics';
import { AuthenticationError, type Authenticator } from './authentication';
import { GatewayErrorCode } from './errors';
import { parseOptions, type OperationLimits } from './limits/config';
import { ANONYMOUS_TIER, rateLimitHeaders, type RateLimiter } from './rate-limit';

/** The caller's address: the socket's, or the entry `trustProxyHops` from the right of X-Forwarded-For. */
export function clientAddress(request: IncomingMessage, trustProxyHops: number): string {
  const direct = request.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return direct;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - trustProxyHops] ?? direct;
}

/**
 * GET may carry only queries. Apollo checks this too, but after validation, so a schema without
 * mutations would answer a validation error instead; refusing first keeps the answer stable.
 */
export function refusesGetOperation(request: IncomingMessage, limits: OperationLimits): boolean {
  if (request.method !== 'GET') return false;
  const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const query = search.get('query');
  if (!query) return false;
  try {
    const operation = getOperationAST(parse(query, parseOptions(limits)), search.get('operationName'));
    return operation ? operation.operation !== 'query' : false;
  } catch {
    return false; // Apollo answers unparsable documents with its own parse error.
  }
}

/** Who may come in: authentication, then the caller's rate-limit budget (HTTP routes). */
export interface Admission {
  authenticator: Authenticator;
  rateLimiter?: RateLimiter;
  trustProxyHops: number;
}

/** Authenticates, then counts the request; undefined when it has already been answered (401, 429). */
export async function admit(
  { authenticator, rateLimiter, trustProxyHops }: Admission,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<Identity | undefined> {
  const address = clientAddress(request, trustProxyHops);
  let caller;
  try {
    caller = await authenticator.authenticate(request.headers, address);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    // Failed attempts draw on the address's budget, which bounds key and token guessing.
    const decision = await rateLimiter?.consume(`ip:${address}`, ANONYMOUS_TIER);
    if (decision && !decision.allowed) return refuseRate(response, rateLimitHeaders(decision));
    sendJson(
      response,
      401,
      { errors: [{ message: error.message, extensions: { code: GatewayErrorCode.Unauthenticated } }] },
      {
        'www-authenticate': 'Bearer',
      },
    );
    return undefined;
  }
  if (rateLimiter) {
    const decision = await rateLimiter.consume(caller.rateLimitSubject, caller.tier);
    const headers = rateLimitHeaders(decision);
    if (!decision.allowed) return refuseRate(response, headers);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  }
  return caller.identity;
}

function refuseRate(response: ServerResponse, headers: Record<string, string>): undefined {
  recordRateLimitRefusal('http');
  const message = `Rate limit exceeded: retry in ${headers['Retry-After']} s`;
  sendJson(
    response,
    429,
    { errors: [{ message, extensions: { code: GatewayErrorCode.RateLimited } }] },
    headers,
  );
  return undefined;
}
