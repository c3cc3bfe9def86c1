import { describe, expect, it } from 'vitest';
import { TEST_QUERY } from './query';
import { judgeAnswer, referenceAnswer } from './reference';

describe('gateway benchmark reference answer', () => {
  it('answers the deep query with every user and top product, about 85 KB', async () => {
    const reference = await referenceAnswer(TEST_QUERY);
    const { data } = JSON.parse(reference) as { data: { users: unknown[]; topProducts: unknown[] } };
    expect(data.users).toHaveLength(6);
    expect(data.topProducts).toHaveLength(5);
    expect(Buffer.byteLength(reference)).toBeGreaterThan(80_000);
  });

  it('accepts the same JSON however formatted, and nothing else', async () => {
    const reference = await referenceAnswer('{ topProducts(first: 2) { upc name shippingEstimate } }');
    expect(reference).toBe(
      '{"data":{"topProducts":[{"upc":"1","name":"Table","shippingEstimate":50},{"upc":"2","name":"Couch","shippingEstimate":0}]}}',
    );
    const parsed = JSON.parse(reference) as { data: object };
    expect(judgeAnswer(200, `${reference}\n`, reference)).toBe('ok');
    expect(judgeAnswer(200, JSON.stringify(parsed, null, 2), reference)).toBe('ok');
    expect(judgeAnswer(200, JSON.stringify({ ...parsed, extensions: { cost: 3 } }), reference)).toBe('ok');
    expect(judgeAnswer(200, reference.replace('Couch', 'Sofa'), reference)).toBe('mismatch');
    // GraphQL answers in the query's field order: another order is another answer
    expect(
      judgeAnswer(200, reference.replace('"upc":"1","name":"Table"', '"name":"Table","upc":"1"'), reference),
    ).toBe('mismatch');
    expect(judgeAnswer(200, '{"errors":[{"message":"boom"}],"data":null}', reference)).toBe('errors');
    expect(judgeAnswer(503, reference, reference)).toBe('non200');
    expect(judgeAnswer(200, '<html>', reference)).toBe('unparsable');
  });
});
