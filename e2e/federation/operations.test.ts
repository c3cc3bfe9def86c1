import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BudgetProjectsWithBuildingsDocument,
  StationsNearDocument,
  type BudgetProjectsWithBuildingsQuery,
  type StationsNearQuery,
} from '#schema/__generated__/operations';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { metresBetween } from '#test/fixtures';

// The example client operations, as a TypeScript client uses them (typed by codegen).
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

describe('example client operations', () => {
  it('StationsNear finds stations within the radius that have free glass capacity', async () => {
    const me = { latitude: 48.8566, longitude: 2.3522 };
    const result = await platform.query<StationsNearQuery>(print(StationsNearDocument), {
      ...me,
      radiusMeters: 800,
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    const stations = result.data?.wasteStations.edges.map((edge) => edge.node) ?? [];
    expect(stations.length).toBeGreaterThan(0);
    for (const station of stations) {
      expect(metresBetween(me, station.location)).toBeLessThanOrEqual(800.5);
      expect(
        station.containers.some(
          (container) => container.fillingLevel !== null && container.fillingLevel <= 0.9,
        ),
      ).toBe(true);
    }
  });

  it('BudgetProjectsWithBuildings joins budget, energy and territory', async () => {
    const result = await platform.query<BudgetProjectsWithBuildingsQuery>(
      print(BudgetProjectsWithBuildingsDocument),
      {
        arrondissement: 17,
        first: 100,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.budgetProjects.totalCount).toBeGreaterThan(0);
  });
});
