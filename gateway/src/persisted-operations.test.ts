import { describe, expect, it } from 'vitest';
import {
  operationHash,
  PersistedOperations,
  persistedOperationManifest,
  persistedOperationsFromEnv,
} from './persisted-operations';

const manifest = persistedOperationManifest([
  'query Districts { districts { ...Named } }\nfragment Named on District { id name }',
  '# a comment\nsubscription Stations($after: ID) { wasteStationUpdated(after: $after) { eventId } }',
]);
const [districts] = manifest.operations;
const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (resolution: ReturnType<PersistedOperations['resolve']>) =>
  resolution.ok ? undefined : resolution.error.extensions.code;

describe('the persisted operation manifest', () => {
  it('holds each operation with the fragments it uses, keyed by the SHA-256 of its body', () => {
    expect(manifest.operations.map((operation) => [operation.name, operation.type])).toEqual([
      ['Districts', 'query'],
      ['Stations', 'subscription'],
    ]);
    expect(districts.body).toContain('fragment Named on District');
    expect(districts.id).toBe(operationHash(districts.body));
    expect(manifest.operations[1].body).not.toContain('comment');
  });
});

describe('resolving a request against the manifest', () => {
  const required = new PersistedOperations('require', manifest);
  const allowed = new PersistedOperations('allow', manifest);

  it('turns a listed hash into its body, in both modes', () => {
    for (const operations of [required, allowed])
      expect(operations.resolve({ extensions: byHash(districts.id) })).toEqual({
        ok: true,
        query: districts.body,
      });
  });

  it('refuses what is not listed when required, and only unknown bare hashes when allowed', () => {
    expect(codeOf(required.resolve({ query: '{ districts { id } }' }))).toBe('OPERATION_NOT_IN_SAFELIST');
    expect(codeOf(required.resolve({ extensions: byHash('a'.repeat(64)) }))).toBe(
      'OPERATION_NOT_IN_SAFELIST',
    );
    expect(required.resolve({ query: districts.body })).toEqual({ ok: true, query: districts.body });
    expect(allowed.resolve({ query: '{ districts { id } }' })).toEqual({
      ok: true,
      query: '{ districts { id } }',
    });
    expect(codeOf(allowed.resolve({ extensions: byHash('a'.repeat(64)) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses a hash sent with another body, and a malformed extension', () => {
    expect(codeOf(allowed.resolve({ query: '{ districts { id } }', extensions: byHash(districts.id) }))).toBe(
      'PERSISTED_QUERY_HASH_MISMATCH',
    );
    expect(
      codeOf(required.resolve({ extensions: { persistedQuery: { version: 1, sha256Hash: 'XYZ' } } })),
    ).toBe('BAD_REQUEST');
  });
});

describe('PERSISTED_OPERATIONS', () => {
  it('is off by default and refuses an unknown mode or a missing manifest', () => {
    expect(persistedOperationsFromEnv({})).toBeUndefined();
    expect(() => persistedOperationsFromEnv({ PERSISTED_OPERATIONS: 'strict' })).toThrow(
      /off, allow, require/,
    );
    expect(() =>
      persistedOperationsFromEnv({
        PERSISTED_OPERATIONS: 'require',
        PERSISTED_OPERATIONS_MANIFEST: '/nonexistent.json',
      }),
    ).toThrow(/missing/);
  });
});
