import type { DataSource } from 'typeorm';
import type { Role } from '../identity';
import type { SubgraphName } from '../subgraphs';

export type ExportColumnType =
  'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'timestamp' | 'date' | 'json';

export interface ExportColumn {
  name: string;
  /** SQL expression over the dataset's FROM clause. */
  sql: string;
  type: ExportColumnType;
  description: string;
}

export interface ExportFilter {
  /** Query-parameter name, the same as the GraphQL filter field (`arrondissement`, `edition`…). */
  name: string;
  type: 'integer' | 'text' | 'double' | 'boolean';
  /** SQL comparing to `$1`, e.g. `arrondissement_code = $1` or `$1 = ANY(arrondissement_codes)`. */
  condition: string;
  /** Rejects values the GraphQL field would reject too (message names the parameter). */
  validate?: (value: number | string | boolean) => string | undefined;
}

export type ExportFilterValues = Record<string, number | string | boolean>;

export type DatasetTheme = 'ENER' | 'ENVI' | 'REGI' | 'GOVE' | 'SOCI' | 'EDUC' | 'TECH' | 'TRAN' | 'ECON';

/** One dataset of the catalog: its DCAT-AP description and how to read it from its subgraph's schema. */
export interface DatasetDefinition {
  id: string;
  subgraph: SubgraphName;
  title: string;
  description: string;
  keywords: string[];
  themes: DatasetTheme[];
  /** Ledger lines (dataset_import.dataset_id) whose provenance and dates describe this dataset. */
  ledgerIds: string[];
  /** `FROM …` body (tables and joins) in the subgraph's schema; ignored when `compute` is given. */
  from: string;
  /**
   * For small derived datasets a service computes rather than a query selects (e.g. aggregates with
   * statistical disclosure control): the rows, given the validated filter values.
   */
  compute?: (db: DataSource, filters: ExportFilterValues) => Promise<Record<string, unknown>[]>;
  /** Always-applied condition (e.g. leave out suppressed or private rows). */
  where?: string;
  columns: ExportColumn[];
  /** A unique, non-null SQL expression: the export order and the resume point (`after`). */
  key: { sql: string; type: 'integer' | 'bigint' | 'text' };
  filters: ExportFilter[];
  /**
   * Where a row lies (what `near`, `bbox` and `within` test); `shape`, for rows that are areas, is
   * the SQL of their GeoJSON Polygon or MultiPolygon (WGS 84), which the GeoJSON export writes
   * instead of the point wherever it is not null.
   */
  location?: { latitude: string; longitude: string; shape?: string };
  /** The row's French full-text document (a `tsvector` column), enabling `search`. */
  search?: string;
  /** The time column for `from`/`to` and temporal coverage. */
  time?: string;
  /** A column recording when a row entered the database, enabling `asOf` (reproducible pulls). */
  asOf?: string;
  accrualPeriodicity: 'continuous' | 'daily' | 'annual' | 'irregular';
  /** Who may export it; public datasets omit it. */
  roles?: Role[];
}

export const EXPORT_FORMATS = ['csv', 'ndjson', 'geojson', 'parquet', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  geojson: 'application/geo+json',
  parquet: 'application/vnd.apache.parquet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
