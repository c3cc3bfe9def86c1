/**
 * Published figures for the 20 arrondissements, used when no open-data export is given and to
 * complete it (the Opendatasoft `arrondissements` export has no population). Populations are
 * INSEE legal populations for 2021, rounded to the unit as published; surfaces and centroids
 * are those of the `arrondissements` dataset.
 */
export interface ArrondissementReference {
  code: number;
  name: string;
  officialName: string;
  surfaceM2: number;
  latitude: number;
  longitude: number;
  population: number;
}

export const POPULATION_YEAR = 2021;

export const ARRONDISSEMENTS: ArrondissementReference[] = [
  {
    code: 1,
    name: '1er Ardt',
    officialName: 'Louvre',
    surfaceM2: 1824613,
    latitude: 48.86256,
    longitude: 2.33644,
    population: 15917,
  },
  {
    code: 2,
    name: '2ème Ardt',
    officialName: 'Bourse',
    surfaceM2: 991154,
    latitude: 48.86828,
    longitude: 2.3428,
    population: 21595,
  },
  {
    code: 3,
    name: '3ème Ardt',
    officialName: 'Temple',
    surfaceM2: 1170883,
    latitude: 48.86287,
    longitude: 2.36,
    population: 33000,
  },
  {
    code: 4,
    name: '4ème Ardt',
    officialName: 'Hôtel-de-Ville',
    surfaceM2: 1600586,
    latitude: 48.85434,
    longitude: 2.35763,
    population: 28324,
  },
  {
    code: 5,
    name: '5ème Ardt',
    officialName: 'Panthéon',
    surfaceM2: 2539375,
    latitude: 48.84444,
    longitude: 2.35071,
    population: 56841,
  },
  {
    code: 6,
    name: '6ème Ardt',
    officialName: 'Luxembourg',
    surfaceM2: 2153096,
    latitude: 48.84913,
    longitude: 2.3329,
    population: 40209,
  },
  {
    code: 7,
    name: '7ème Ardt',
    officialName: 'Palais-Bourbon',
    surfaceM2: 4090057,
    latitude: 48.85617,
    longitude: 2.31219,
    population: 48520,
  },
  {
    code: 8,
    name: '8ème Ardt',
    officialName: 'Élysée',
    surfaceM2: 3880036,
    latitude: 48.87272,
    longitude: 2.31255,
    population: 35418,
  },
  {
    code: 9,
    name: '9ème Ardt',
    officialName: 'Opéra',
    surfaceM2: 2178303,
    latitude: 48.87716,
    longitude: 2.33746,
    population: 59629,
  },
  {
    code: 10,
    name: '10ème Ardt',
    officialName: 'Entrepôt',
    surfaceM2: 2891739,
    latitude: 48.87613,
    longitude: 2.36073,
    population: 83543,
  },
  {
    code: 11,
    name: '11ème Ardt',
    officialName: 'Popincourt',
    surfaceM2: 3665442,
    latitude: 48.85906,
    longitude: 2.38006,
    population: 142583,
  },
  {
    code: 12,
    name: '12ème Ardt',
    officialName: 'Reuilly',
    surfaceM2: 16314783,
    latitude: 48.83497,
    longitude: 2.42132,
    population: 139297,
  },
  {
    code: 13,
    name: '13ème Ardt',
    officialName: 'Gobelins',
    surfaceM2: 7149311,
    latitude: 48.82839,
    longitude: 2.36227,
    population: 178350,
  },
  {
    code: 14,
    name: '14ème Ardt',
    officialName: 'Observatoire',
    surfaceM2: 5614877,
    latitude: 48.82924,
    longitude: 2.32654,
    population: 134382,
  },
  {
    code: 15,
    name: '15ème Ardt',
    officialName: 'Vaugirard',
    surfaceM2: 8494994,
    latitude: 48.84009,
    longitude: 2.29283,
    population: 227746,
  },
  {
    code: 16,
    name: '16ème Ardt',
    officialName: 'Passy',
    surfaceM2: 16372542,
    latitude: 48.86039,
    longitude: 2.26197,
    population: 165062,
  },
  {
    code: 17,
    name: '17ème Ardt',
    officialName: 'Batignolles-Monceau',
    surfaceM2: 5668835,
    latitude: 48.88733,
    longitude: 2.30678,
    population: 166543,
  },
  {
    code: 18,
    name: '18ème Ardt',
    officialName: 'Buttes-Montmartre',
    surfaceM2: 5996051,
    latitude: 48.89257,
    longitude: 2.34816,
    population: 191135,
  },
  {
    code: 19,
    name: '19ème Ardt',
    officialName: 'Buttes-Chaumont',
    surfaceM2: 6792651,
    latitude: 48.88708,
    longitude: 2.38482,
    population: 184787,
  },
  {
    code: 20,
    name: '20ème Ardt',
    officialName: 'Ménilmontant',
    surfaceM2: 5983446,
    latitude: 48.86346,
    longitude: 2.40119,
    population: 193601,
  },
];

export interface DistrictReference {
  id: string;
  name: string;
  kind: 'ECO_DISTRICT' | 'URBAN_PROJECT' | 'URBAN_INNOVATION_NEIGHBOURHOOD';
  description: string;
  arrondissementCode: number;
  /** Null where no surface is published (the district then has no approximate boundary either). */
  surfaceM2: number | null;
  startYear: number;
  latitude: number;
  longitude: number;
  /** The document its facts come from (brochure.ts), where one is named. */
  citationId: string | null;
}

/** The city's large urban projects; Clichy-Batignolles hosts the CoRDEES smart energy network. */
export const DISTRICTS: DistrictReference[] = [
  {
    id: 'clichy-batignolles',
    name: 'Clichy-Batignolles',
    kind: 'ECO_DISTRICT',
    description: 'Eco-district around the Martin Luther King park; CoRDEES smart energy network.',
    arrondissementCode: 17,
    surfaceM2: 540000,
    startYear: 2007,
    latitude: 48.8893,
    longitude: 2.316,
    citationId: null,
  },
  {
    id: 'paris-rive-gauche',
    name: 'Paris Rive Gauche',
    kind: 'URBAN_PROJECT',
    description: 'Former rail yards along the Seine, from Austerlitz to Ivry.',
    arrondissementCode: 13,
    surfaceM2: 1300000,
    startYear: 1991,
    latitude: 48.83,
    longitude: 2.377,
    citationId: null,
  },
  {
    id: 'saint-vincent-de-paul',
    name: 'Saint-Vincent-de-Paul',
    kind: 'ECO_DISTRICT',
    description: 'Eco-district on the site of the former hospital.',
    arrondissementCode: 14,
    surfaceM2: 34000,
    startYear: 2016,
    latitude: 48.837,
    longitude: 2.336,
    citationId: null,
  },
  {
    id: 'chapelle-charbon',
    name: 'Chapelle Charbon',
    kind: 'URBAN_PROJECT',
    description: 'New park and housing on former rail land.',
    arrondissementCode: 18,
    surfaceM2: 65000,
    startYear: 2017,
    latitude: 48.899,
    longitude: 2.362,
    citationId: null,
  },
  {
    id: 'bercy-charenton',
    name: 'Bercy-Charenton',
    kind: 'URBAN_PROJECT',
    description: 'Mixed district between the Seine and the ring road.',
    arrondissementCode: 12,
    surfaceM2: 700000,
    startYear: 2018,
    latitude: 48.829,
    longitude: 2.395,
    citationId: null,
  },
  {
    id: 'paris-nord-est',
    name: 'Paris Nord-Est',
    kind: 'URBAN_PROJECT',
    description: 'Renewal of the north-east edge (Macdonald, Rosa Parks).',
    arrondissementCode: 19,
    surfaceM2: 2000000,
    startYear: 2002,
    latitude: 48.894,
    longitude: 2.38,
    citationId: null,
  },
  {
    id: 'porte-de-vincennes',
    name: 'Porte de Vincennes',
    kind: 'URBAN_PROJECT',
    description: 'Renewal of a ring-road neighbourhood.',
    arrondissementCode: 20,
    surfaceM2: 200000,
    startYear: 2015,
    latitude: 48.847,
    longitude: 2.41,
    citationId: null,
  },
  // The brochure's "two urban innovation neighbourhoods dedicated to experimentation", unnamed there:
  // the City and Paris&Co's Urban Lab opened Paris Rive Gauche in 2018 and Chapelle-S in 2019.
  {
    id: 'innovation-paris-rive-gauche',
    name: "Quartier d'innovation urbaine Paris Rive Gauche",
    kind: 'URBAN_INNOVATION_NEIGHBOURHOOD',
    description:
      'The first urban innovation neighbourhood (Urban Lab of Paris&Co and the City of Paris, June 2018): start-ups test prototypes in real conditions around place Jean-Michel-Basquiat, between the François-Mitterrand library, Station F and the Cité de la mode et du design. No surface is published for the perimeter.',
    arrondissementCode: 13,
    surfaceM2: null,
    startYear: 2018,
    latitude: 48.8322,
    longitude: 2.3753,
    citationId: 'qiu-paris-rive-gauche-2018',
  },
  {
    id: 'innovation-chapelle-s',
    name: "Quartier d'innovation urbaine Chapelle-S",
    kind: 'URBAN_INNOVATION_NEIGHBOURHOOD',
    description:
      'The second urban innovation neighbourhood (call for experiments of April 2019): about 320 ha around the Porte de la Chapelle over the 18th and 19th arrondissements, Saint-Denis and Aubervilliers, with 43,000 inhabitants and 38,000 employees; its approximate outline is a disc of that surface.',
    arrondissementCode: 18,
    surfaceM2: 3_200_000,
    startYear: 2019,
    latitude: 48.8985,
    longitude: 2.3597,
    citationId: 'qiu-chapelle-s-2019',
  },
];
