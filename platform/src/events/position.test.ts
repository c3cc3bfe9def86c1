import { getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { BaseContext } from '../context';
import { eventPosition, readEventPositionsFirst } from './position';

/** A context whose database answers every position query with the next number, and counts them. */
function fakeContext(): { context: BaseContext; reads: string[] } {
  const reads: string[] = [];
  const manager = {
    query: async (_sql: string, [stream]: [string]) => {
      reads.push(stream);
      return [{ position: String(reads.length * 10) }];
    },
  };
  return { context: { db: { manager } } as unknown as BaseContext, reads };
}

const read = readEventPositionsFirst({ wasteEventPosition: 'waste-station' });

async function prepare(source: string) {
  const document = parse(source);
  const { context, reads } = fakeContext();
  await read(document, getOperationAST(document)!, context);
  return { context, reads };
}

describe('readEventPositionsFirst', () => {
  it('reads a selected position before the query runs, and the resolver answers that one', async () => {
    const { context, reads } = await prepare('{ wasteStations { totalCount } wasteEventPosition }');
    expect(reads).toEqual(['waste-station']);
    expect(await eventPosition(context, 'waste-station')).toBe('10');
    expect(reads).toHaveLength(1);
  });

  it('finds the field through inline fragments and fragment spreads', async () => {
    expect((await prepare('{ ... on Query { wasteEventPosition } }')).reads).toHaveLength(1);
    expect(
      (await prepare('query { ...P } fragment P on Query { position: wasteEventPosition }')).reads,
    ).toHaveLength(1);
  });

  it('reads nothing for a query without it, nor for a mutation', async () => {
    expect((await prepare('{ wasteStations { totalCount } }')).reads).toEqual([]);
    expect((await prepare('mutation { wasteEventPosition }')).reads).toEqual([]);
  });

  it('reads the position when the resolver was not preceded (e.g. a field below the root)', async () => {
    const { context, reads } = fakeContext();
    expect(await eventPosition(context, 'waste-station')).toBe('10');
    expect(reads).toEqual(['waste-station']);
  });
});
