import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiKeyCommand } from '#app/cli/apikey';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { captureForwardedIdentities, codes, postOperation } from './support';
import type { Identity } from '#platform/identity';

/** API keys and JWTs: verified once at the gateway, forwarded signed; bad credentials are 401, never anonymous. */
const ISSUER = 'https://id.example.paris';
const AUDIENCE = 'open-city-graph';
let platform: TestPlatform;
let url: string;
let forwarded: Identity[];
let signingKey: CryptoKey;
const operatorKey = `bootstrap-${Date.now()}`;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  process.env.OPERATOR_API_KEY = operatorKey;
  // Keys found active are trusted for API_KEY_CACHE_SECONDS: one second keeps the revocation test short.
  process.env.API_KEY_CACHE_SECONDS = '1';
  platform = await startTestPlatform(undefined, {
    jwt: { publicKeyPem: await exportSPKI(pair.publicKey), issuer: ISSUER, audience: AUDIENCE },
  });
  url = platform.gateway.url;
  forwarded = captureForwardedIdentities(platform);
});
afterAll(() => platform?.stop());

/** Runs an operation and returns the identity the subgraph received for it. */
async function identityFor(headers: Record<string, string>): Promise<Identity | undefined> {
  forwarded.length = 0;
  const response = await postOperation(url, '{ arrondissements { code } }', headers);
  expect(response.status).toBe(200);
  return forwarded.at(-1);
}

function token(
  claims: Record<string, unknown>,
  options: { expiresIn?: string; key?: CryptoKey; audience?: string } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

async function expectUnauthenticated(headers: Record<string, string>, message: RegExp): Promise<void> {
  const response = await postOperation(url, '{ arrondissements { code } }', headers);
  expect(response.status).toBe(401);
  expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  expect(response.body.errors?.[0].message).toMatch(message);
  expect(response.body.data).toBeUndefined();
}

describe('identity', () => {
  it('forwards anonymous callers as public', async () => {
    expect(await identityFor({})).toEqual({ roles: ['public'] });
  });

  it('gives the bootstrap OPERATOR_API_KEY the operator and sensor roles', async () => {
    expect(await identityFor({ 'x-api-key': operatorKey })).toEqual({
      roles: ['operator', 'sensor'],
      subject: 'operator-bootstrap-key',
    });
  });

  it('API key lifecycle: a created key works with its role, a revoked key gets 401', async () => {
    const output: string[] = [];
    const created = await runApiKeyCommand(
      ['create', '--role', 'researcher', '--tier', 'high', '--label', 'lifecycle test'],
      platform.databaseUrl,
      (line) => output.push(line),
    );
    expect(created).toBe(0);
    const key = /key:\s+(\S+)/.exec(output.join('\n'))?.[1];
    const id = /id:\s+(\S+)/.exec(output.join('\n'))?.[1];
    expect(key).toMatch(/^ocg_/);
    expect(await identityFor({ 'x-api-key': key ?? '' })).toEqual({
      roles: ['researcher'],
      subject: `apikey:${id}`,
    });

    output.length = 0;
    expect(await runApiKeyCommand(['list'], platform.databaseUrl, (line) => output.push(line))).toBe(0);
    expect(output.join('\n')).toContain(id);
    expect(output.join('\n')).not.toContain(key);

    expect(await runApiKeyCommand(['revoke', id ?? ''], platform.databaseUrl, () => undefined)).toBe(0);
    // A revocation takes effect within the key cache's stated lifetime, on every replica.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expectUnauthenticated({ 'x-api-key': key ?? '' }, /not valid or has been revoked/);
  });

  it('answers 401 for an unknown API key instead of serving it as anonymous', async () => {
    await expectUnauthenticated({ 'x-api-key': 'ocg_guessed' }, /API key is not valid/);
  });

  it('answers 401 when both an API key and a bearer token are sent', async () => {
    await expectUnauthenticated(
      { 'x-api-key': operatorKey, authorization: `Bearer ${await token({ sub: 'u1' })}` },
      /either/,
    );
  });

  it('accepts a valid JWT: sub as subject, only the known roles of its roles claim', async () => {
    const jwt = await token({ sub: 'volunteer-42', roles: ['volunteer', 'superuser'] });
    expect(await identityFor({ authorization: `Bearer ${jwt}` })).toEqual({
      roles: ['volunteer'],
      subject: 'volunteer-42',
    });
  });

  it('answers 401 for an expired JWT', async () => {
    const jwt = await token({ sub: 'u1', roles: ['operator'] }, { expiresIn: '-1m' });
    await expectUnauthenticated({ authorization: `Bearer ${jwt}` }, /expired/);
  });

  it('answers 401 for a JWT with a bad signature', async () => {
    const other = await generateKeyPair('RS256');
    const jwt = await token({ sub: 'u1', roles: ['operator'] }, { key: other.privateKey });
    await expectUnauthenticated({ authorization: `Bearer ${jwt}` }, /not valid/);
    const tampered = (await token({ sub: 'u1', roles: ['public'] })).split('.');
    tampered[1] = Buffer.from(
      JSON.stringify({ sub: 'u1', roles: ['operator'], iss: ISSUER, aud: AUDIENCE, exp: 9999999999 }),
    ).toString('base64url');
    await expectUnauthenticated({ authorization: `Bearer ${tampered.join('.')}` }, /not valid/);
  });

  it('answers 401 for a JWT meant for another audience, and for a non-Bearer scheme', async () => {
    await expectUnauthenticated(
      { authorization: `Bearer ${await token({ sub: 'u1' }, { audience: 'another-api' })}` },
      /"aud" claim/,
    );
    await expectUnauthenticated({ authorization: 'Basic dXNlcjpwYXNz' }, /Bearer/);
  });
});
