import { describe, expect, it } from 'vitest';
import { ExportRequestError, exportParameters, parseExportRequest } from '#platform/exports/request';
import { CATALOG } from './catalog';

/** A valid value of each parameter shared by the exports. */
const SAMPLES: Record<string, string> = {
  near: '48.8566,2.3522,500',
  bbox: '48.85,2.3,48.9,2.35',
  within: 'district:clichy-batignolles',
  search: 'ecole',
  from: '2025-01-01',
  to: '2025-02-01',
  asOf: '2025-01-01T00:00:00Z',
};

/** The parameter an export request refuses, or undefined when it takes it. */
function refused(id: string, parameter: string): string | undefined {
  const definition = CATALOG.find((candidate) => candidate.id === id);
  try {
    parseExportRequest(
      definition as (typeof CATALOG)[number],
      'csv',
      new URLSearchParams({ [parameter]: SAMPLES[parameter] }),
    );
    return undefined;
  } catch (error) {
    if (error instanceof ExportRequestError) return error.parameter;
    throw error;
  }
}

describe('the catalog of exports', () => {
  it("lists each dataset's shared parameters exactly where its export takes them", () => {
    for (const definition of CATALOG) {
      const listed = exportParameters(definition);
      for (const parameter of Object.keys(SAMPLES)) {
        expect(refused(definition.id, parameter), `${definition.id}?${parameter}`).toBe(
          listed.includes(parameter) ? undefined : parameter,
        );
      }
    }
    const listing = (parameter: string) =>
      CATALOG.filter((definition) => exportParameters(definition).includes(parameter)).map(
        (definition) => definition.id,
      );
    expect(listing('within')).toEqual(expect.arrayContaining(['buildings', 'waste-stations', 'districts']));
    expect(listing('search')).toEqual(
      expect.arrayContaining(['buildings', 'waste-stations', 'training-courses', 'budget-projects']),
    );
    expect(listing('search')).not.toContain('meter-readings');
  });
});
