import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { wsClient } from '#test/live-clients';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'waste']);
});
afterAll(() => platform?.stop());

/** Subscribes once over graphql-ws and returns the first errors the gateway answers with. */
async function firstErrors(
  query: string,
): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
  const client = wsClient(platform.gateway);
  try {
    return await new Promise((resolve, reject) => {
      client.subscribe(
        { query },
        {
          next: (result) => {
            if (result.errors)
              resolve(result.errors as { message: string; extensions?: Record<string, unknown> }[]);
          },
          error: (error: unknown) =>
            Array.isArray(error)
              ? resolve(error as { message: string; extensions?: Record<string, unknown> }[])
              : reject(error),
          complete: () => resolve([]),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('operation limits over graphql-ws', () => {
  it('refuses a subscription over the cost limit, as over HTTP', async () => {
    const errors = await firstErrors(`subscription { wasteStationUpdated { eventId station { arrondissement {
      wasteStations(first: 100) { edges { node { collections(first: 100) { edges { node { weightKg } } } } } } } } } }`);
    expect(errors[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('refuses a depth bomb', async () => {
    const errors =
      await firstErrors(`subscription { wasteStationUpdated { eventId station { arrondissement { wasteStations(first: 1) {
      edges { node { arrondissement { wasteStations(first: 1) { edges { node { arrondissement { wasteStations(first: 1) {
      edges { node { id } } } } } } } } } } } } } } }`);
    expect(errors[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|DEPTH/);
  });
});
