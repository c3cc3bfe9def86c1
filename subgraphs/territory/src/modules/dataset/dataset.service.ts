import type { DataSource } from 'typeorm';
import { CATALOG, LICENSES, PUBLISHER } from '../../../../../datasets/catalog';
import {
  EXPORT_FORMATS,
  MEDIA_TYPES,
  type DatasetDefinition,
} from '../../../../../platform/src/exports/definition';
import { datasetVersion } from '../../../../../platform/src/exports/ledger';
import type { Dataset, TemporalCoverage } from './dataset.entity';

/** Where clients download distributions: the gateway's public address. */
function publicBaseUrl(): string {
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 4000}`).replace(/\/$/, '');
}

/**
 * The catalog reads each dataset's import ledger in the schema of the subgraph that owns it: a
 * read-only view of published metadata (the rows themselves are only ever exported by their owner).
 */
export class DatasetService {
  constructor(private readonly db: DataSource) {}

  definitions(): DatasetDefinition[] {
    return CATALOG;
  }

  definition(id: string): DatasetDefinition | undefined {
    return CATALOG.find((candidate) => candidate.id === id);
  }

  async describe(definition: DatasetDefinition): Promise<Dataset> {
    const version = await datasetVersion(this.db, definition);
    const openData = version.provenance === 'OPEN_DATA' || version.provenance === 'MIXED';
    const base = publicBaseUrl();
    const formats = EXPORT_FORMATS.filter((format) => format !== 'geojson' || definition.location);
    return {
      id: definition.id,
      title: definition.title,
      description: definition.description,
      keywords: definition.keywords,
      themes: definition.themes,
      publisher: openData
        ? { name: PUBLISHER.cityName, url: PUBLISHER.cityUrl, email: null }
        : { name: PUBLISHER.platformName, url: null, email: PUBLISHER.contactEmail },
      contactPoint: { name: PUBLISHER.platformName, url: null, email: PUBLISHER.contactEmail },
      license: openData ? LICENSES.OPEN_DATA : LICENSES.GENERATED,
      provenance: version.provenance,
      sources: version.sources,
      version: version.version,
      generatorSeed: version.seed,
      generatorScale: version.scale,
      modified: version.modified ? new Date(version.modified) : null,
      accrualPeriodicity: definition.accrualPeriodicity,
      spatialCoverage: 'Paris, France (INSEE 75056)',
      columns: definition.columns.map(({ name, type, description }) => ({ name, type, description })),
      filters: [
        ...definition.filters.map((filter) => filter.name),
        ...(definition.location ? ['near', 'bbox'] : []),
        ...(definition.time ? ['from', 'to'] : []),
        ...(definition.asOf ? ['asOf'] : []),
        'columns',
        'after',
      ],
      distributions: formats.map((format) => ({
        format,
        mediaType: MEDIA_TYPES[format],
        url: `${base}/datasets/${definition.id}.${format}`,
      })),
    };
  }

  async temporalCoverage(definition: DatasetDefinition): Promise<TemporalCoverage | null> {
    if (!definition.time) return null;
    const [row] = await this.db.query<{ start: Date | null; end: Date | null }[]>(
      `SELECT min(${definition.time}) AS start, max(${definition.time}) AS "end" FROM ${definition.from}`,
    );
    return row;
  }

  /** Computed datasets run in their owner's schema and vary with their parameters: no one count. */
  async rowCount(definition: DatasetDefinition): Promise<number | null> {
    if (definition.compute) return null;
    const where = definition.where ? `WHERE ${definition.where}` : '';
    const [row] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM ${definition.from} ${where}`,
    );
    return Number(row.count);
  }
}
