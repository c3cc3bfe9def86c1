import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatementCounter } from '#test/sql-statements';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

interface Page {
  totalCount: number;
  edges: { node: Record<string, unknown> }[];
}

describe('one graph over seven services', () => {
  it('answers one query about the 17th from all seven subgraphs', async () => {
    const result = await platform.query<{
      arrondissement: {
        name: string;
        population: number;
        districts: { id: string }[];
        buildings: Page;
        energy: { buildingCount: number };
        wasteStations: Page;
        waste: { stations: number };
        accompanimentStats: { year: number; suppressed: boolean }[];
        budgetProjects: Page;
        challenges: Page;
        trainingCourses: Page;
      };
    }>(`{
      arrondissement(code: 17) {
        name population districts { id }
        buildings(first: 3) { totalCount edges { node { id name } } }
        energy { buildingCount }
        wasteStations(first: 3) { totalCount edges { node { id name } } }
        waste { stations }
        accompanimentStats { year suppressed }
        budgetProjects(first: 3) { totalCount edges { node { id title } } }
        challenges(first: 3) { totalCount edges { node { id title } } }
        trainingCourses(first: 3) { totalCount edges { node { id title } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const seventeenth = result.data?.arrondissement;
    expect(seventeenth?.name).toBe('17ème Ardt');
    expect(seventeenth?.districts.map((district) => district.id)).toContain('clichy-batignolles');
    expect(seventeenth?.buildings.totalCount).toBeGreaterThan(100);
    expect(seventeenth?.energy.buildingCount).toBe(seventeenth?.buildings.totalCount);
    expect(seventeenth?.wasteStations.totalCount).toBeGreaterThan(0);
    expect(seventeenth?.waste.stations).toBe(seventeenth?.wasteStations.totalCount);
    expect(seventeenth?.accompanimentStats.length).toBeGreaterThan(0);
    expect(seventeenth?.budgetProjects.totalCount).toBeGreaterThan(0);
    const challenges = seventeenth?.challenges;
    expect(challenges?.edges.length).toBe(Math.min(3, challenges?.totalCount ?? -1));
    expect(seventeenth?.trainingCourses.totalCount).toBeGreaterThan(0);
  });

  it('joins across services: budget projects with the energy class of the building they renovate', async () => {
    interface RenovatedBuilding {
      id: string;
      energyClass: string;
    }
    const result = await platform.query<{
      budgetProjects: { totalCount: number; edges: { node: { building: RenovatedBuilding | null } }[] };
    }>(`{
      budgetProjects(first: 100, filter: { arrondissement: 17 }) {
        totalCount
        edges { node { id title building { id energyClass arrondissement { code } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const renovated = result.data?.budgetProjects.edges.filter((edge) => edge.node.building !== null) ?? [];
    expect(renovated.length).toBeGreaterThan(0);
    for (const edge of renovated) {
      expect(edge.node.building?.energyClass).toMatch(/^[A-G]$/);
    }
  });

  it('costs the same number of SQL statements whatever the page size (no N+1)', async () => {
    const statements = async (first: number) => {
      sqlStatementCounter.reset();
      const result = await platform.query(`{
        budgetProjects(first: ${first}) {
          edges { node { title arrondissement { name } building { energyClass district { name } } } }
        }
        arrondissements {
          buildings(first: ${first}) { totalCount edges { node { name district { name } } } }
          wasteStations(first: ${first}) { totalCount edges { node { name } } }
          trainingCourses(first: ${first}) { totalCount edges { node { title } } }
        }
      }`);
      expect(result.errors?.map((error) => error.message)).toBeUndefined();
      return sqlStatementCounter.total();
    };
    const small = await statements(2);
    const large = await statements(12);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('does not expose _entities or _service to clients', async () => {
    const entities = await platform.query(
      '{ _entities(representations: [{ __typename: "Arrondissement", code: 17 }]) { __typename } }',
    );
    expect(entities.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const service = await platform.query('{ _service { sdl } }');
    expect(service.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
