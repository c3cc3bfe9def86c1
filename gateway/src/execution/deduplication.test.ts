import { parse, print, type DocumentNode } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import type { Identity } from '#platform/identity';
import { deduplicatingExecutor, deduplicationKey } from './deduplication';
import type { GatewayExecutor, GatewayRequestContext } from './plan-execution';

const QUERY = parse('query Trips($day: String) { trips(day: $day) { id } }');

function requestContext(
  identity: Identity,
  variables: Record<string, unknown> = {},
  document: DocumentNode = QUERY,
) {
  const operation = document.definitions[0];
  return {
    document,
    operation,
    request: { operationName: 'Trips', variables },
    context: { identity },
  } as unknown as GatewayRequestContext;
}

const researcher: Identity = { roles: ['researcher'], subject: 'key-1' };

describe('the in-flight deduplication key', () => {
  it('includes roles, subject and devices: no caller ever shares another caller’s answer', () => {
    const key = (identity: Identity) => deduplicationKey(requestContext(identity), print);
    expect(key(researcher)).toBe(key({ roles: ['researcher'], subject: 'key-1' }));
    expect(key(researcher)).not.toBe(key({ roles: ['public'], subject: 'key-1' }));
    expect(key(researcher)).not.toBe(key({ roles: ['researcher'], subject: 'key-2' }));
    expect(key({ roles: ['sensor'], devices: ['meter:1'] })).not.toBe(
      key({ roles: ['sensor'], devices: ['meter:2'] }),
    );
  });

  it('includes the variables, and leaves mutations out', () => {
    expect(deduplicationKey(requestContext(researcher, { day: 'mon' }), print)).not.toBe(
      deduplicationKey(requestContext(researcher, { day: 'tue' }), print),
    );
    const mutation = parse('mutation Report { report { id } }');
    expect(deduplicationKey(requestContext(researcher, {}, mutation), print)).toBeUndefined();
  });
});

describe('the deduplicating executor', () => {
  it('runs identical queries in flight once, and those of another caller apart', async () => {
    // Every execution waits until the test lets them all finish.
    const finishes: (() => void)[] = [];
    const executor = vi.fn<GatewayExecutor>(
      () => new Promise((resolve) => finishes.push(() => resolve({ data: { trips: [] } }))),
    );
    const shared = deduplicatingExecutor(executor);
    const first = shared(requestContext(researcher));
    const second = shared(requestContext({ ...researcher }));
    const other = shared(requestContext({ roles: ['public'] }));
    expect(executor).toHaveBeenCalledTimes(2);
    for (const finish of finishes) finish();
    const answers = await Promise.all([first, second]);
    expect(answers[0]).toBe(answers[1]);
    await other;
    // Once it has ended, the next identical query executes anew: nothing is kept.
    void shared(requestContext(researcher));
    expect(executor).toHaveBeenCalledTimes(3);
  });
});
