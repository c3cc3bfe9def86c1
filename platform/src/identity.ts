import { createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = ['public', 'researcher', 'operator', 'volunteer', 'sensor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: verified once at the gateway, then carried to the subgraphs in a signed header. */
export interface Identity {
  roles: Role[];
  /** A stable subject (API key id, JWT `sub`), absent for anonymous callers. */
  subject?: string;
}

export const ANONYMOUS: Identity = { roles: ['public'] };

export const IDENTITY_HEADER = 'x-ocg-identity';

export function hasRole(identity: Identity, role: Role): boolean {
  return identity.roles.includes(role);
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `<payload>.<hmac>`: subgraphs accept only identities the gateway signed with the shared secret. */
export function encodeIdentity(identity: Identity, secret: string): string {
  const payload = Buffer.from(JSON.stringify(identity)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** Returns the identity, or undefined when the header is missing, malformed or not signed by the gateway. */
export function decodeIdentity(header: string | undefined, secret: string): Identity | undefined {
  if (!header) return undefined;
  const [payload, signature] = header.split('.');
  if (!payload || !signature) return undefined;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Identity;
    const roles = parsed.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
    return { roles, subject: parsed.subject };
  } catch {
    return undefined;
  }
}

/** Identity from the request headers at the gateway: `x-api-key` or (later) a bearer JWT. */
export function identityFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Identity {
  const apiKey = headers['x-api-key'];
  const key = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  const operatorKey = env.OPERATOR_API_KEY;
  if (key && operatorKey && key.length === operatorKey.length) {
    if (timingSafeEqual(Buffer.from(key), Buffer.from(operatorKey))) {
      return { roles: ['operator', 'sensor'], subject: 'operator-bootstrap-key' };
    }
  }
  return ANONYMOUS;
}
