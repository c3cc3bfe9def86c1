import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS, bootstrapIdentity, type Identity } from '#platform/identity';
import type { ApiKeyStore } from './api-keys';
import { InvalidTokenError, type TokenVerifier } from './jwt';
import { ANONYMOUS_TIER, DEFAULT_TIER, HIGH_TIER } from './rate-limit';

/** Credentials were sent but do not hold: answered 401, never downgraded to anonymous. */
export class AuthenticationError extends Error {}

/** Who is calling, and what their requests are counted against. */
export interface Caller {
  identity: Identity;
  tier: string;
  /** The rate-limit counter: the key, the token subject, or the client address for anonymous calls. */
  rateLimitSubject: string;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Verifies the credentials of a request once, at the gateway: `x-api-key` (the bootstrap
 * OPERATOR_API_KEY or a stored key) or `Authorization: Bearer <JWT>`. Written against plain
 * headers so the graphql-ws and SSE paths can call it with their connection parameters.
 */
export class Authenticator {
  constructor(
    private readonly apiKeys: Pick<ApiKeyStore, 'findActive'>,
    private readonly verifyToken: TokenVerifier | undefined,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async authenticate(headers: IncomingHttpHeaders, clientAddress: string): Promise<Caller> {
    const apiKey = single(headers['x-api-key']);
    const authorization = single(headers.authorization);
    if (apiKey !== undefined && authorization !== undefined) {
      throw new AuthenticationError('Send either x-api-key or Authorization, not both');
    }
    if (apiKey !== undefined) return this.fromApiKey(apiKey);
    if (authorization !== undefined) return this.fromAuthorization(authorization);
    return { identity: ANONYMOUS, tier: ANONYMOUS_TIER, rateLimitSubject: `ip:${clientAddress}` };
  }

  private async fromApiKey(key: string): Promise<Caller> {
    const bootstrap = bootstrapIdentity(key, this.env);
    if (bootstrap) return { identity: bootstrap, tier: HIGH_TIER, rateLimitSubject: 'key:bootstrap' };
    const record = key ? await this.apiKeys.findActive(key) : undefined;
    if (!record) throw new AuthenticationError('The API key is not valid or has been revoked');
    const identity: Identity = { roles: [record.role], subject: `apikey:${record.id}` };
    if (record.role === 'sensor') identity.devices = record.devices;
    return {
      identity,
      tier: record.tier,
      rateLimitSubject: `key:${record.id}`,
    };
  }

  private async fromAuthorization(authorization: string): Promise<Caller> {
    const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <JWT>"');
    if (!this.verifyToken) {
      throw new AuthenticationError('Bearer tokens are not accepted: this gateway has no JWT key configured');
    }
    try {
      const identity = await this.verifyToken(match[1]);
      return { identity, tier: DEFAULT_TIER, rateLimitSubject: `sub:${identity.subject}` };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new AuthenticationError(error.message);
      throw error;
    }
  }
}
