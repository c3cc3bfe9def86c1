import type { DatasetDefinition } from '../platform/src/exports/definition';
import { budgetDatasets } from './budget/catalog';
import { datacityDatasets } from './datacity/catalog';
import { LICENCE_TYPES, type Concept } from './dcat-ap';
import { energyDatasets } from './energy/catalog';
import { mobilityDatasets } from './mobility/catalog';
import { territoryDatasets } from './territory/catalog';
import { trainingDatasets } from './training/catalog';
import { wasteDatasets } from './waste/catalog';

/**
 * The catalog: every dataset the platform publishes, each owned (and exported) by one subgraph.
 * Ids are public API (`/datasets/<id>.<format>`).
 */
export const CATALOG: DatasetDefinition[] = [
  ...territoryDatasets,
  ...energyDatasets,
  ...wasteDatasets,
  ...mobilityDatasets,
  ...budgetDatasets,
  ...datacityDatasets,
  ...trainingDatasets,
];

/** Who publishes what: the DCAT-AP agents and licences the catalog cites. */
export const PUBLISHER = {
  cityName: 'Ville de Paris',
  cityUrl: 'https://www.paris.fr',
  platformName: 'Open City Graph',
  contactEmail: 'opendata@open-city-graph.example',
};

/** A licence as the catalog cites it: DCAT-AP wants its ADMS licence types too. */
export interface Licence {
  name: string;
  url: string;
  types: readonly Concept[];
}

export const LICENSES = {
  OPEN_DATA: {
    name: 'Open Database License (ODbL) 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    types: [LICENCE_TYPES.attribution, LICENCE_TYPES.shareAlike],
  },
  GENERATED: {
    name: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    types: [LICENCE_TYPES.attribution],
  },
  /** The catalog's own descriptions: free for any portal to republish. */
  METADATA: {
    name: 'Creative Commons Zero 1.0 (CC0 1.0)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    types: [LICENCE_TYPES.publicDomain],
  },
} as const satisfies Record<string, Licence>;
