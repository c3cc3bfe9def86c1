import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { Provenance } from '#platform/city';
import { hasDatasetImports, recordDatasetImport } from '#platform/dataset-imports';
import { insertRows } from '#platform/ingestion';
import type { SeedOptions, SeedReport } from '#platform/subgraph';
import { Arrondissement } from '#territory/modules/arrondissement/arrondissement.entity';
import { Citation } from '#territory/modules/citation/citation.entity';
import { City } from '#territory/modules/city/city.entity';
import { CityFigure } from '#territory/modules/city-figure/city-figure.entity';
import { District } from '#territory/modules/district/district.entity';
import { Project } from '#territory/modules/project/project.entity';
import {
  ARRONDISSEMENTS_FILE,
  readArrondissements,
  referenceArrondissements,
} from './import-arrondissements';
import { approximateDistrictBoundary } from './district-boundaries';
import { BROCHURE_CITATION_ID, BROCHURE_FIGURES, BROCHURE_YEAR, CITATIONS, CITY, PROJECTS } from './brochure';
import { DISTRICTS } from './reference';

export const isTerritorySeeded = (db: DataSource): Promise<boolean> => hasDatasetImports(db.manager);

/**
 * Fills the territory schema in one transaction: arrondissements from the real export when
 * `openDataDir` holds one (else the published reference figures), then the urban districts, the
 * city's key figures and the districts' projects as the brochure and the cited sources state them.
 * Running it again replaces the rows: the import is idempotent.
 */
export async function seedTerritory(db: DataSource, options: SeedOptions): Promise<SeedReport[]> {
  const fromOpenData =
    options.openDataDir !== undefined && existsSync(path.join(options.openDataDir, ARRONDISSEMENTS_FILE));
  const imported = fromOpenData ? await readArrondissements(options.openDataDir as string) : undefined;
  const arrondissements = imported?.rows ?? referenceArrondissements();
  const districts = DISTRICTS.map((entry) =>
    Object.assign(new District(), {
      ...entry,
      geometry: approximateDistrictBoundary(entry),
      provenance: Provenance.REFERENCE,
    }),
  );
  const reference = { provenance: Provenance.REFERENCE };
  const citations = CITATIONS.map((entry) => Object.assign(new Citation(), entry));
  const city = Object.assign(new City(), { ...CITY, ...reference });
  const figures = BROCHURE_FIGURES.map((entry) =>
    Object.assign(new CityFigure(), {
      ...entry,
      cityId: CITY.id,
      year: BROCHURE_YEAR,
      citationId: BROCHURE_CITATION_ID,
      ...reference,
    }),
  );
  const projects = PROJECTS.map((entry) => Object.assign(new Project(), { ...entry, ...reference }));
  await db.transaction(async (manager) => {
    await manager.query('DELETE FROM project');
    await manager.query('DELETE FROM city_figure');
    await manager.query('DELETE FROM city');
    await manager.query('DELETE FROM district');
    await manager.query('DELETE FROM arrondissement');
    await manager.query('DELETE FROM citation');
    await insertRows(manager, Citation, citations);
    await insertRows(manager, Arrondissement, arrondissements);
    await insertRows(manager, District, districts);
    await insertRows(manager, City, [city]);
    await insertRows(manager, CityFigure, figures);
    await insertRows(manager, Project, projects);
    await recordDatasetImport(manager, {
      datasetId: 'arrondissements',
      provenance: fromOpenData ? 'OPEN_DATA' : 'REFERENCE',
      source: fromOpenData ? ARRONDISSEMENTS_FILE : 'reference figures',
      rowCount: arrondissements.length,
      checksum: imported?.checksum,
    });
    await recordDatasetImport(manager, {
      datasetId: 'districts',
      provenance: 'REFERENCE',
      source:
        'reference figures; urban innovation neighbourhoods as announced by the City and Paris&Co (2018, 2019)',
      rowCount: districts.length,
    });
    await recordDatasetImport(manager, {
      datasetId: 'city-figures',
      provenance: 'REFERENCE',
      source: `brochure "Smart and Sustainable Paris", City of Paris (${BROCHURE_YEAR})`,
      rowCount: figures.length,
    });
    await recordDatasetImport(manager, {
      datasetId: 'projects',
      provenance: 'REFERENCE',
      source: `brochure "Smart and Sustainable Paris", City of Paris (${BROCHURE_YEAR})`,
      rowCount: projects.length,
    });
  });
  return [
    {
      dataset: 'arrondissements',
      rows: arrondissements.length,
      source: fromOpenData ? 'open-data' : 'reference',
    },
    { dataset: 'districts', rows: districts.length, source: 'reference' },
    { dataset: 'city-figures', rows: figures.length, source: 'reference' },
    { dataset: 'projects', rows: projects.length, source: 'reference' },
  ];
}
