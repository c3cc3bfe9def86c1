/**
 * The Ville de Paris exports the importers read, and where opendata.paris.fr serves their current
 * version (Opendatasoft's dataset download endpoint, in the format the importers expect).
 * Licence: ODbL, attribution "Ville de Paris"; the files are never committed to this repository.
 */
export interface OpenDataSource {
  file: string;
  datasetId: string;
  format: 'csv' | 'json' | 'geojson';
  description: string;
}

export const OPEN_DATA_SOURCES: OpenDataSource[] = [
  {
    file: 'arrondissements.geojson',
    datasetId: 'arrondissements',
    format: 'geojson',
    description: 'Arrondissement boundaries',
  },
  {
    file: 'bp_projets_gagnants.csv',
    datasetId: 'bp_projets_gagnants',
    format: 'csv',
    description: 'Participatory budget winning projects',
  },
  {
    file: 'trilib_sensors_2019-03.json',
    datasetId: 'trilib',
    format: 'json',
    description: "Trilib' pilot containers with fill-level sensors",
  },
  {
    file: 'colonnes_verre_mobilierpropreteparis2011.json',
    datasetId: 'mobilierpropreteparis2011',
    format: 'json',
    description: 'Glass columns',
  },
  {
    file: 'tri_mobile_2017.json',
    datasetId: 'tri-mobile0',
    format: 'json',
    description: 'Tri Mobile collection points',
  },
];

export const DEFAULT_OPEN_DATA_BASE_URL = 'https://opendata.paris.fr';

export function downloadUrl(baseUrl: string, source: OpenDataSource): string {
  const url = new URL(`/explore/dataset/${encodeURIComponent(source.datasetId)}/download/`, baseUrl);
  url.searchParams.set('format', source.format);
  if (source.format === 'csv') {
    url.searchParams.set('use_labels_for_header', 'true');
    url.searchParams.set('delimiter', ';');
  }
  return url.toString();
}
