import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform(['territory']);
});
afterAll(() => platform?.stop());

describe('territory', () => {
  it('lists the 20 arrondissements with the contract fields', async () => {
    const result = await platform.query<{
      arrondissements: {
        code: number;
        inseeCode: string;
        name: string;
        surfaceM2: number;
        population: number;
      }[];
    }>('{ arrondissements { code inseeCode name surfaceM2 population } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.arrondissements).toHaveLength(20);
    expect(result.data?.arrondissements.map((a) => a.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const seventeenth = result.data?.arrondissements[16];
    expect(seventeenth).toMatchObject({ code: 17, inseeCode: '75117' });
    expect(seventeenth?.population).toBeGreaterThan(100_000);
    expect(seventeenth?.surfaceM2).toBeCloseTo(5668835, -2);
  });

  it('answers an unknown arrondissement with BAD_USER_INPUT', async () => {
    const result = await platform.query('{ arrondissement(code: 21) { name } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/1 to 20/);
  });

  it('finds the arrondissement containing a point from the real boundaries', async () => {
    const result = await platform.query<{ arrondissementAt: { code: number } | null }>(
      '{ arrondissementAt(latitude: 48.8893, longitude: 2.3160) { code } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.arrondissementAt?.code).toBe(17);
  });

  it('lists the districts of the 17th, Clichy-Batignolles among them', async () => {
    const result = await platform.query<{ arrondissement: { districts: { id: string; kind: string }[] } }>(
      '{ arrondissement(code: 17) { districts { id kind } } }',
    );
    expect(result.data?.arrondissement.districts).toContainEqual({
      id: 'clichy-batignolles',
      kind: 'ECO_DISTRICT',
    });
  });
});
