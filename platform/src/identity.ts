import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = ['public', 'researcher', 'operator', 'volunteer', 'sensor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: verified once at the gateway, then carried to the subgraphs in a signed header. */
export interface Identity {
  roles: Role[];
  /** A stable subject (API key id, JWT `sub`), absent for anonymous callers. */
  subject?: string;
  /** For a `sensor`: the only devices it may report for (`meter:<id>`, `waste-station:<id>`, see devices.ts). */
  devices?: string[];
}

export const ANONYMOUS: Identity = { roles: ['public'] };

export const IDENTITY_HEADER = 'x-ocg-identity';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

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
    const roles = parsed.roles.filter(isRole);
    const identity: Identity = { roles, subject: parsed.subject };
    if (Array.isArray(parsed.devices))
      identity.devices = parsed.devices.filter((device) => typeof device === 'string');
    return identity;
  } catch {
    return undefined;
  }
}

const VERIFIED_HEADERS = 1000;

/**
 * `decodeIdentity` with the headers it already verified remembered: the gateway signs one header
 * per caller, so a subgraph sees the same few again and again. A header is verified once (HMAC
 * and JSON parse), refused headers are never kept, and the kept identities are frozen since every
 * request of that caller shares one.
 */
export function identityDecoder(secret: string): (header: string | undefined) => Identity | undefined {
  const verified = new Map<string, Identity>();
  return (header) => {
    if (!header) return undefined;
    const known = verified.get(header);
    if (known) return known;
    const identity = decodeIdentity(header, secret);
    if (!identity) return undefined;
    Object.freeze(identity.roles);
    if (identity.devices) Object.freeze(identity.devices);
    Object.freeze(identity);
    // Map order is insertion order: the oldest header goes first when the cache is full.
    if (verified.size >= VERIFIED_HEADERS) verified.delete(verified.keys().next().value as string);
    verified.set(header, identity);
    return identity;
  };
}

/**
 * The bootstrap identity: when `OPERATOR_API_KEY` is set, that key has the `operator` and `sensor`
 * roles without being stored (first start, tests).
 */
export function bootstrapIdentity(key: string, env: NodeJS.ProcessEnv = process.env): Identity | undefined {
  const operatorKey = env.OPERATOR_API_KEY;
  if (!operatorKey) return undefined;
  // Digests have one length whatever the input, so the comparison neither throws nor leaks the key's length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(key), digest(operatorKey))) return undefined;
  return { roles: ['operator', 'sensor'], subject: 'operator-bootstrap-key' };
}
