import { LICENCE_TYPES, type Concept } from './dcat-ap';

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
