import type { DatasetDefinition, DatasetTheme, ExportFormat } from './definition';

/**
 * The controlled vocabularies DCAT-AP 3 asks the catalog to cite, and how each dataset maps to
 * them. Every catalog entry is described through these functions, so a new dataset conforms as
 * soon as it names its themes, periodicity and licence.
 */

/** A term of a controlled vocabulary: its IRI and English label. */
export interface Concept {
  iri: string;
  label: string;
}

const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority';

/** The EU data-theme table: every theme a dataset may name, with its English label. */
export const THEME_TAXONOMY = { iri: `${EU_AUTHORITY}/data-theme`, title: 'Data theme' };
const THEMES: Record<DatasetTheme | 'AGRI' | 'HEAL' | 'INTR' | 'JUST', string> = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
};

export function themeConcept(theme: DatasetTheme): Concept {
  return { iri: `${THEME_TAXONOMY.iri}/${theme}`, label: THEMES[theme] };
}

/** The EU frequency table. */
const FREQUENCIES: Record<DatasetDefinition['accrualPeriodicity'], Concept> = {
  continuous: { iri: `${EU_AUTHORITY}/frequency/CONT`, label: 'continuous' },
  daily: { iri: `${EU_AUTHORITY}/frequency/DAILY`, label: 'daily' },
  annual: { iri: `${EU_AUTHORITY}/frequency/ANNUAL`, label: 'annual' },
  irregular: { iri: `${EU_AUTHORITY}/frequency/IRREG`, label: 'irregular' },
};

export function frequencyConcept(periodicity: DatasetDefinition['accrualPeriodicity']): Concept {
  return FREQUENCIES[periodicity];
}

/**
 * Each export format: its entry in the EU file-type table, its IANA media type when IANA registers
 * one (NDJSON's `application/x-ndjson` is unregistered, and the EU table has no NDJSON entry: a
 * stream of JSON texts is filed under JSON) and what a researcher gets.
 */
const FORMATS: Record<
  ExportFormat,
  { fileType: Concept; ianaMediaType: string | null; description: string }
> = {
  csv: {
    fileType: { iri: `${EU_AUTHORITY}/file-type/CSV`, label: 'CSV' },
    ianaMediaType: 'text/csv',
    description:
      'Comma-separated values in UTF-8 with a header row (`delimiter=;|,|tab`, `bom=true` for spreadsheets).',
  },
  ndjson: {
    fileType: { iri: `${EU_AUTHORITY}/file-type/JSON`, label: 'JSON' },
    ianaMediaType: null,
    description: 'Newline-delimited JSON: one JSON object per row.',
  },
  geojson: {
    fileType: { iri: `${EU_AUTHORITY}/file-type/GEOJSON`, label: 'GeoJSON' },
    ianaMediaType: 'application/geo+json',
    description:
      "An RFC 7946 GeoJSON feature collection in WGS 84 (longitude, latitude): each row's point, or the boundary (Polygon or MultiPolygon) of a row that is an area.",
  },
  parquet: {
    fileType: { iri: `${EU_AUTHORITY}/file-type/PARQUET`, label: 'Parquet' },
    ianaMediaType: 'application/vnd.apache.parquet',
    description: 'Apache Parquet with typed columns (UTC timestamps, integers, doubles, booleans, dates).',
  },
  xlsx: {
    fileType: { iri: `${EU_AUTHORITY}/file-type/XLSX`, label: 'XLSX' },
    ianaMediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    description:
      'An Excel workbook (Office Open XML) with a header row of the column names and typed cells: numbers, booleans, dates and timestamps as Excel dates in UTC; rows past 1,048,576 continue on further sheets.',
  },
};

export function fileTypeConcept(format: ExportFormat): Concept {
  return FORMATS[format].fileType;
}

/** The IANA page of the format's media type, which DCAT-AP uses as its IRI; null when unregistered. */
export function ianaMediaTypeIri(format: ExportFormat): string | null {
  const mediaType = FORMATS[format].ianaMediaType;
  return mediaType ? `https://www.iana.org/assignments/media-types/${mediaType}` : null;
}

export function distributionDescription(format: ExportFormat): string {
  return `${FORMATS[format].description} Filter with the dataset's query parameters; an interrupted download resumes with \`after\`.`;
}

/** Downloads are served for as long as the platform runs: the EU planned-availability "stable". */
export const AVAILABILITY: Concept = { iri: `${EU_AUTHORITY}/planned-availability/STABLE`, label: 'stable' };

/** The ADMS publisher type of the city and of its platform. */
export const LOCAL_AUTHORITY: Concept = {
  iri: 'http://purl.org/adms/publishertype/LocalAuthority',
  label: 'Local authority',
};

/** ADMS licence types, which say what a licence asks of re-users. */
export const LICENCE_TYPES = {
  attribution: { iri: 'http://purl.org/adms/licencetype/Attribution', label: 'Attribution' },
  shareAlike: { iri: 'http://purl.org/adms/licencetype/ShareAlike', label: 'Share-alike' },
  publicDomain: { iri: 'http://purl.org/adms/licencetype/PublicDomain', label: 'Public domain' },
} as const satisfies Record<string, Concept>;

/** Where every dataset lies: Paris, as GeoNames names it, with its bounding box and centre (WGS 84 WKT). */
export const PARIS = {
  iri: 'https://sws.geonames.org/2988507/',
  label: 'Paris, France (INSEE 75056)',
  bbox: 'POLYGON((2.2241 48.8156, 2.4699 48.8156, 2.4699 48.9022, 2.2241 48.9022, 2.2241 48.8156))',
  centroid: 'POINT(2.3488 48.85341)',
};

/** The languages of the catalog: its descriptions are in English, the data's names in French. */
export const CATALOG_LANGUAGES = [`${EU_AUTHORITY}/language/ENG`, `${EU_AUTHORITY}/language/FRA`];
