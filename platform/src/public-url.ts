import type { IncomingHttpHeaders } from 'node:http';

/**
 * The gateway's public address, which every catalog IRI and download URL starts with. The gateway
 * sends it to the subgraphs with each request, so one document never mixes hosts (a subgraph does
 * not know which address its callers reach the gateway at).
 */
export const PUBLIC_URL_HEADER = 'x-ocg-public-url';

/** `PUBLIC_URL` when set (a deployment behind a proxy), else the gateway's own port on localhost. */
export function publicUrl(gatewayPort: number, env: NodeJS.ProcessEnv = process.env): string {
  return (env.PUBLIC_URL || `http://localhost:${gatewayPort}`).replace(/\/+$/, '');
}

/** The address the gateway forwarded, if it is an http(s) URL. */
export function forwardedPublicUrl(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[PUBLIC_URL_HEADER];
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !/^https?:\/\/[^\s]+$/.test(candidate)) return undefined;
  return candidate.replace(/\/+$/, '');
}
