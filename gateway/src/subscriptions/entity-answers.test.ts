import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { EventEntityAnswers } from './entity-answers';

/** A change feed the test drives by hand, as the broker's notifications would. */
function notifications() {
  const listeners: ((subgraph: string) => void)[] = [];
  return {
    onChange: (listener: (subgraph: string) => void) => void listeners.push(listener),
    notify: (subgraph: string) => listeners.forEach((listener) => listener(subgraph)),
  };
}

function request(roles: string[], code = 17): GraphQLDataSourceProcessOptions {
  return {
    kind: 'INCOMING_OPERATION',
    request: {
      query:
        'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Arrondissement { name } } }',
      variables: { representations: [{ __typename: 'Arrondissement', code }] },
    },
    context: { identity: { roles } },
  } as unknown as GraphQLDataSourceProcessOptions;
}

function counted() {
  const counter = { calls: 0 };
  const fetch = () => {
    counter.calls += 1;
    return Promise.resolve({ data: { _entities: [{ name: `call ${counter.calls}` }] } });
  };
  return { counter, fetch };
}

describe('the answers kept for the fetches of live events', () => {
  it('fetch once for the public role, until the subgraph read commits a change', async () => {
    const changes = notifications();
    const answers = new EventEntityAnswers(changes);
    const { counter, fetch } = counted();
    await answers.answer('territory', request(['public']), fetch);
    const again = await answers.answer('territory', request(['public']), fetch);
    expect(counter.calls).toBe(1);
    expect(again.data).toEqual({ _entities: [{ name: 'call 1' }] });

    changes.notify('waste');
    await answers.answer('territory', request(['public']), fetch);
    expect(counter.calls).toBe(1);
    changes.notify('territory');
    const fresh = await answers.answer('territory', request(['public']), fetch);
    expect(counter.calls).toBe(2);
    expect(fresh.data).toEqual({ _entities: [{ name: 'call 2' }] });
  });

  it('keep nothing for any other caller', async () => {
    const answers = new EventEntityAnswers(notifications());
    const { counter, fetch } = counted();
    for (const roles of [['operator'], ['public', 'volunteer'], []]) {
      await answers.answer('territory', request(roles), fetch);
      await answers.answer('territory', request(roles), fetch);
    }
    expect(counter.calls).toBe(6);
    expect(answers.size).toBe(0);
  });

  it('keep apart the fetches of other representations', async () => {
    const answers = new EventEntityAnswers(notifications());
    const { counter, fetch } = counted();
    await answers.answer('territory', request(['public'], 17), fetch);
    await answers.answer('territory', request(['public'], 18), fetch);
    expect(counter.calls).toBe(2);
  });

  it.each([
    ['another subgraph (the event’s own, say): kept', 'waste', 1],
    ['its own subgraph: not kept', 'territory', 0],
  ])('keep an answer fetched while %s', async (_case, changed, kept) => {
    const changes = notifications();
    const answers = new EventEntityAnswers(changes);
    await answers.answer('territory', request(['public']), async () => {
      changes.notify(changed);
      return { data: { _entities: [{ name: 'fetched during a change' }] } };
    });
    expect(answers.size).toBe(kept);
  });

  it('do not keep an answer with errors', async () => {
    const answers = new EventEntityAnswers(notifications());
    await answers.answer('territory', request(['public']), () =>
      Promise.resolve({ data: { _entities: [null] }, errors: [{ message: 'refused' }] } as never),
    );
    expect(answers.size).toBe(0);
  });

  it('hand each event its own copy, which the plan executor may change in place', async () => {
    const answers = new EventEntityAnswers(notifications());
    const { fetch } = counted();
    await answers.answer('territory', request(['public']), fetch);
    const first = await answers.answer('territory', request(['public']), fetch);
    (first.data as { _entities: { name: string }[] })._entities[0].name = 'changed by the executor';
    const second = await answers.answer('territory', request(['public']), fetch);
    expect(second.data).toEqual({ _entities: [{ name: 'call 1' }] });
  });
});
