import {
  createRemoteJWKSet,
  errors,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { deviceListProblem } from '#platform/devices';
import { isRole, type Identity, type Role } from '#platform/identity';

/** Where bearer tokens are checked against: one of a JWKS URL, a PEM public key or an HS256 secret. */
export interface JwtSettings {
  jwksUrl?: string;
  publicKeyPem?: string;
  secret?: string;
  /** The algorithm of `publicKeyPem` (default RS256); HS256 for a secret. */
  algorithm?: string;
  issuer?: string;
  audience?: string;
}

export function jwtSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): JwtSettings | undefined {
  const settings: JwtSettings = {
    jwksUrl: env.JWT_JWKS_URL || undefined,
    publicKeyPem: env.JWT_PUBLIC_KEY || undefined,
    secret: env.JWT_SECRET || undefined,
    algorithm: env.JWT_ALGORITHM || undefined,
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
  };
  return settings.jwksUrl || settings.publicKeyPem || settings.secret ? settings : undefined;
}

/** A bearer token that did not verify; the message is safe to return (it never contains the token). */
export class InvalidTokenError extends Error {}

export type TokenVerifier = (token: string) => Promise<Identity>;

/**
 * The identity a verified token carries: `sub` as subject, the known roles of its `roles` claim,
 * and for a `sensor` the devices of its `devices` claim (a token with a malformed or oversized
 * list is refused rather than read as holding fewer devices than its issuer meant).
 */
function identityOf(payload: JWTPayload): Identity {
  const claimed: unknown = payload.roles;
  const roles: Role[] = Array.isArray(claimed) ? claimed.filter(isRole) : [];
  const identity: Identity = { roles: roles.length > 0 ? roles : ['public'], subject: payload.sub };
  if (roles.includes('sensor')) {
    const devices: unknown = payload.devices ?? [];
    if (!Array.isArray(devices) || !devices.every((device) => typeof device === 'string'))
      throw new InvalidTokenError('The bearer token\'s "devices" claim must be a list of device ids');
    const problem = deviceListProblem(devices);
    if (problem)
      throw new InvalidTokenError(`The bearer token's "devices" claim is not accepted: ${problem}`);
    identity.devices = [...new Set(devices)].sort();
  }
  return identity;
}

function explain(error: unknown): InvalidTokenError {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The bearer token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new InvalidTokenError(`The bearer token's "${error.claim}" claim is not accepted`);
  }
  return new InvalidTokenError('The bearer token is not valid (malformed, unknown key or bad signature)');
}

/**
 * Builds the verifier once (keys imported, JWKS fetched lazily and cached by jose). Tokens must
 * carry `sub` and `exp`: an identity without subject cannot be rate-limited, one without expiry
 * could never be taken back.
 */
export async function createTokenVerifier(settings: JwtSettings): Promise<TokenVerifier> {
  const options: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['sub', 'exp'],
  };
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (settings.jwksUrl) {
    const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
    const algorithms = settings.algorithm ? [settings.algorithm] : undefined;
    verify = (token) => jwtVerify(token, keys, { ...options, algorithms });
  } else if (settings.publicKeyPem) {
    const algorithm = settings.algorithm ?? 'RS256';
    const key = await importSPKI(settings.publicKeyPem, algorithm);
    verify = (token) => jwtVerify(token, key, { ...options, algorithms: [algorithm] });
  } else if (settings.secret) {
    const key = new TextEncoder().encode(settings.secret);
    verify = (token) => jwtVerify(token, key, { ...options, algorithms: ['HS256'] });
  } else {
    throw new Error('JWT verification needs JWT_JWKS_URL, JWT_PUBLIC_KEY or JWT_SECRET');
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = (await verify(token)).payload;
    } catch (error) {
      throw explain(error);
    }
    return identityOf(payload);
  };
}
