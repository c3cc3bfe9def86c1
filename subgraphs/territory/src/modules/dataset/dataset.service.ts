import type { DataSource } from 'typeorm';
import { LICENSES, PUBLISHER } from '#platform/exports/publisher';
import {
  AVAILABILITY,
  distributionDescription,
  fileTypeConcept,
  frequencyConcept,
  ianaMediaTypeIri,
  LOCAL_AUTHORITY,
  PARIS,
  themeConcept,
} from '#platform/exports/dcat-ap';
import { EXPORT_FORMATS, MEDIA_TYPES, type DatasetDefinition } from '#platform/exports/definition';
import { datasetVersion } from '#platform/exports/ledger';
import { exportParameters } from '#platform/exports/request';
import { publicUrl } from '#platform/public-url';
import type { Dataset, TemporalCoverage } from './dataset.entity';

/**
 * The catalog reads each dataset's import ledger in the schema of the subgraph that owns it: a
 * read-only view of published metadata (the rows themselves are only ever exported by their owner).
 */
export class DatasetService {
  /**
   * `base`: the gateway's public address it forwards with each request; a subgraph started by the
   * launcher shares the gateway's PORT and PUBLIC_URL, the same address.
   */
  constructor(
    private readonly db: DataSource,
    private readonly catalog: readonly DatasetDefinition[],
    private readonly base = publicUrl(Number(process.env.PORT ?? 4000)),
  ) {}

  definitions(): readonly DatasetDefinition[] {
    return this.catalog;
  }

  definition(id: string): DatasetDefinition | undefined {
    return this.catalog.find((candidate) => candidate.id === id);
  }

  async describe(definition: DatasetDefinition): Promise<Dataset> {
    const version = await datasetVersion(this.db, definition);
    const openData = version.provenance === 'OPEN_DATA' || version.provenance === 'MIXED';
    const base = this.base;
    const formats = EXPORT_FORMATS.filter((format) => format !== 'geojson' || definition.location);
    return {
      id: definition.id,
      iri: `${base}/datasets/${definition.id}`,
      title: definition.title,
      description: definition.description,
      keywords: definition.keywords,
      themes: definition.themes,
      themeConcepts: definition.themes.map(themeConcept),
      publisher: openData
        ? { name: PUBLISHER.cityName, url: PUBLISHER.cityUrl, email: null, type: LOCAL_AUTHORITY }
        : { name: PUBLISHER.platformName, url: null, email: PUBLISHER.contactEmail, type: LOCAL_AUTHORITY },
      contactPoint: { name: PUBLISHER.platformName, url: null, email: PUBLISHER.contactEmail },
      license: openData ? LICENSES.OPEN_DATA : LICENSES.GENERATED,
      provenance: version.provenance,
      sources: version.sources,
      version: version.version,
      generatorSeed: version.seed,
      generatorScale: version.scale,
      issued: version.issued ? new Date(version.issued) : null,
      modified: version.modified ? new Date(version.modified) : null,
      accrualPeriodicity: definition.accrualPeriodicity,
      frequency: frequencyConcept(definition.accrualPeriodicity),
      spatialCoverage: PARIS.label,
      spatial: PARIS,
      columns: definition.columns.map(({ name, type, description }) => ({ name, type, description })),
      filters: exportParameters(definition),
      distributions: formats.map((format) => ({
        format,
        mediaType: MEDIA_TYPES[format],
        url: `${base}/datasets/${definition.id}.${format}`,
        title: `${definition.title} (${fileTypeConcept(format).label})`,
        description: distributionDescription(format),
        fileType: fileTypeConcept(format),
        mediaTypeIri: ianaMediaTypeIri(format),
        availability: AVAILABILITY,
      })),
    };
  }

  /**
   * The first and last time in the data; for data without a time column (a snapshot of the city,
   * a computed statistic), the period its rows were imported over, from its import ledger.
   */
  async temporalCoverage(definition: DatasetDefinition): Promise<TemporalCoverage | null> {
    if (definition.time) {
      const [row] = await this.db.query<{ start: Date | null; end: Date | null }[]>(
        `SELECT min(${definition.time}) AS start, max(${definition.time}) AS "end" FROM ${definition.from}`,
      );
      if (row.start) return row;
    }
    const version = await datasetVersion(this.db, definition);
    return version.issued
      ? { start: new Date(version.issued), end: version.modified ? new Date(version.modified) : null }
      : null;
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
