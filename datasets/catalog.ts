import type { DatasetDefinition } from '../platform/src/exports/definition';
import { territoryDatasets } from './territory/catalog';

/**
 * The catalog: every dataset the platform publishes, each owned (and exported) by one subgraph.
 * Ids are public API (`/datasets/<id>.<format>`).
 */
export const CATALOG: DatasetDefinition[] = [...territoryDatasets];

/** Who publishes what: the DCAT-AP agents and licences the catalog cites. */
export const PUBLISHER = {
  cityName: 'Ville de Paris',
  cityUrl: 'https://www.paris.fr',
  platformName: 'Open City Graph',
  contactEmail: 'opendata@open-city-graph.example',
};

export const LICENSES = {
  OPEN_DATA: { name: 'Open Database License (ODbL) 1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  GENERATED: { name: 'Creative Commons Attribution 4.0 (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;
