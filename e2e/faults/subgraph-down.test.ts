import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '#platform/server';
import { budget } from '#app/registry';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
beforeAll(async () => {
  // Every request here must reach the subgraphs: a cached public answer would hide what is measured.
  process.env.RESPONSE_CACHE_ENTRIES = '0';
  platform = await startTestPlatform(['territory', 'budget']);
});
afterAll(() => platform?.stop());

// `budgetProject` is nullable, so its failure stays local and territory's part still arrives.
const QUERY = '{ arrondissement(code: 17) { name } budgetProject(id: "8689") { title } }';

interface Answer {
  arrondissement: { name: string } | null;
  budgetProject: { title: string } | null;
}

describe('a subgraph going down', () => {
  it('leaves the other services answering, with an error for the missing part, and recovers by itself', async () => {
    const before = await platform.query<Answer>(QUERY);
    expect(before.errors).toBeUndefined();
    const title = before.data?.budgetProject?.title;
    expect(title).toBeTruthy();

    const index = platform.subgraphs.findIndex((subgraph) => subgraph.name === 'budget');
    const { port } = platform.subgraphs[index];
    await platform.subgraphs[index].stop();

    const during = await platform.query<Answer>(QUERY);
    expect(during.status).toBe(200);
    expect(during.data?.arrondissement?.name).toBe('17ème Ardt');
    expect(during.data?.budgetProject).toBeNull();
    expect(during.errors?.length).toBeGreaterThan(0);
    expect(during.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);

    platform.subgraphs[index] = await startSubgraph(budget, {
      databaseUrl: platform.databaseUrl,
      gatewaySecret: platform.gatewaySecret,
      port,
    });
    const after = await platform.query<Answer>(QUERY);
    expect(after.errors).toBeUndefined();
    expect(after.data?.budgetProject?.title).toBe(title);
  });
});
