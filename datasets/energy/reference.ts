/**
 * What the energy generators are grounded on. Paris publishes no per-building energy data, so
 * the building stock is generated from these published orders of magnitude:
 * - the brochure "Smart and Sustainable Paris": heating of 1,500 public buildings supervised, and
 *   the CoRDEES smart energy network in the western part of the Clichy-Batignolles eco-district;
 * - the City's equipment counts (about 660 nursery and primary schools, 115 collèges, 450 crèches,
 *   150 gymnasiums, 40 swimming pools, 70 libraries, 20 town halls, 14 municipal museums);
 * - typical final-energy intensities of French public buildings (ADEME / OPERAT orders of magnitude).
 */

/** A disc wholly inside an arrondissement (computed once from the official boundaries, woods left out). */
export interface Disc {
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

export interface ArrondissementStock {
  code: number;
  /** INSEE 2021 legal population: public buildings follow the inhabitants. */
  population: number;
  sites: Disc[];
  streets: string[];
}

export const ARRONDISSEMENT_STOCK: ArrondissementStock[] = [
  {
    code: 1,
    population: 15917,
    sites: [
      { latitude: 48.86088, longitude: 2.34275, radiusMeters: 410 },
      { latitude: 48.86411, longitude: 2.33128, radiusMeters: 370 },
    ],
    streets: [
      'rue de Rivoli',
      'rue Saint-Honoré',
      'rue du Louvre',
      'rue des Halles',
      'rue Jean-Jacques Rousseau',
      'rue Berger',
    ],
  },
  {
    code: 2,
    population: 21595,
    sites: [
      { latitude: 48.86772, longitude: 2.34658, radiusMeters: 300 },
      { latitude: 48.86916, longitude: 2.33838, radiusMeters: 240 },
    ],
    streets: [
      'rue Montorgueil',
      'rue Réaumur',
      'rue du Sentier',
      'rue Saint-Denis',
      'rue de Cléry',
      'rue Vivienne',
    ],
  },
  {
    code: 3,
    population: 33000,
    sites: [{ latitude: 48.864, longitude: 2.35944, radiusMeters: 410 }],
    streets: [
      'rue de Bretagne',
      'rue des Archives',
      'rue de Turbigo',
      'rue du Temple',
      'rue Charlot',
      'rue de Saintonge',
    ],
  },
  {
    code: 4,
    population: 28324,
    sites: [
      { latitude: 48.85584, longitude: 2.35388, radiusMeters: 430 },
      { latitude: 48.85153, longitude: 2.36316, radiusMeters: 310 },
    ],
    streets: [
      'rue Saint-Antoine',
      'rue des Francs-Bourgeois',
      'rue du Renard',
      'rue de la Verrerie',
      'rue Saint-Paul',
      'rue des Rosiers',
    ],
  },
  {
    code: 5,
    population: 56841,
    sites: [{ latitude: 48.84432, longitude: 2.35093, radiusMeters: 700 }],
    streets: [
      'rue Mouffetard',
      'rue Monge',
      'rue Saint-Jacques',
      'rue Lacépède',
      'rue des Écoles',
      'rue Buffon',
    ],
  },
  {
    code: 6,
    population: 40209,
    sites: [
      { latitude: 48.8472, longitude: 2.33241, radiusMeters: 510 },
      { latitude: 48.8551, longitude: 2.33623, radiusMeters: 300 },
    ],
    streets: [
      'rue de Vaugirard',
      'rue de Rennes',
      "rue d'Assas",
      'rue du Cherche-Midi',
      'rue Madame',
      'rue de Fleurus',
    ],
  },
  {
    code: 7,
    population: 48520,
    sites: [
      { latitude: 48.85564, longitude: 2.31442, radiusMeters: 800 },
      { latitude: 48.85851, longitude: 2.29749, radiusMeters: 340 },
    ],
    streets: [
      'rue de Grenelle',
      'rue Saint-Dominique',
      'rue du Bac',
      'avenue Bosquet',
      'rue Cler',
      'rue de Babylone',
    ],
  },
  {
    code: 8,
    population: 35418,
    sites: [
      { latitude: 48.87204, longitude: 2.31142, radiusMeters: 840 },
      { latitude: 48.87995, longitude: 2.32289, radiusMeters: 250 },
    ],
    streets: [
      'rue de Miromesnil',
      'boulevard Haussmann',
      'rue de Lisbonne',
      'rue La Boétie',
      'rue du Faubourg Saint-Honoré',
      'rue de Rome',
    ],
  },
  {
    code: 9,
    population: 59629,
    sites: [
      { latitude: 48.87675, longitude: 2.33512, radiusMeters: 540 },
      { latitude: 48.8807, longitude: 2.34604, radiusMeters: 240 },
    ],
    streets: [
      'rue des Martyrs',
      'rue de Rochechouart',
      'rue La Fayette',
      'rue Blanche',
      'rue de Châteaudun',
      'rue Milton',
    ],
  },
  {
    code: 10,
    population: 83543,
    sites: [{ latitude: 48.87577, longitude: 2.3599, radiusMeters: 710 }],
    streets: [
      'rue du Faubourg Saint-Denis',
      'rue de Paradis',
      "rue du Château-d'Eau",
      'quai de Valmy',
      'rue Lucien Sampaix',
      'rue des Vinaigriers',
    ],
  },
  {
    code: 11,
    population: 142583,
    sites: [
      { latitude: 48.85816, longitude: 2.37857, radiusMeters: 690 },
      { latitude: 48.85241, longitude: 2.39168, radiusMeters: 330 },
      { latitude: 48.86786, longitude: 2.3753, radiusMeters: 300 },
    ],
    streets: [
      'rue Oberkampf',
      'rue de la Roquette',
      'boulevard Voltaire',
      'rue de Charonne',
      'avenue Parmentier',
      'rue Saint-Maur',
    ],
  },
  {
    code: 12,
    population: 139297,
    sites: [
      { latitude: 48.83821, longitude: 2.39447, radiusMeters: 990 },
      { latitude: 48.84612, longitude: 2.37481, radiusMeters: 510 },
      { latitude: 48.82923, longitude: 2.42014, radiusMeters: 480 },
    ],
    streets: [
      'avenue Daumesnil',
      'rue de Charenton',
      'rue de Picpus',
      'boulevard de Reuilly',
      'rue Michel Bizot',
      'rue de Wattignies',
    ],
  },
  {
    code: 13,
    population: 178350,
    sites: [
      { latitude: 48.82779, longitude: 2.3619, radiusMeters: 1090 },
      { latitude: 48.82636, longitude: 2.3832, radiusMeters: 290 },
      { latitude: 48.84073, longitude: 2.36681, radiusMeters: 230 },
    ],
    streets: [
      "avenue d'Italie",
      'rue de Tolbiac',
      'boulevard Vincent Auriol',
      'rue Nationale',
      'avenue de Choisy',
      'rue du Château des Rentiers',
    ],
  },
  {
    code: 14,
    population: 134382,
    sites: [
      { latitude: 48.83014, longitude: 2.32633, radiusMeters: 970 },
      { latitude: 48.81972, longitude: 2.33834, radiusMeters: 310 },
      { latitude: 48.82655, longitude: 2.3083, radiusMeters: 260 },
    ],
    streets: [
      "rue d'Alésia",
      'avenue du Maine',
      'rue Didot',
      'rue Raymond Losserand',
      'rue de la Tombe-Issoire',
      'rue Pernety',
    ],
  },
  {
    code: 15,
    population: 227746,
    sites: [
      { latitude: 48.84096, longitude: 2.29191, radiusMeters: 1150 },
      { latitude: 48.8424, longitude: 2.31484, radiusMeters: 360 },
      { latitude: 48.83665, longitude: 2.27115, radiusMeters: 280 },
      { latitude: 48.83126, longitude: 2.27279, radiusMeters: 240 },
    ],
    streets: [
      'rue de la Convention',
      'rue Lecourbe',
      'rue du Commerce',
      'rue Saint-Charles',
      'rue Blomet',
      'rue Cambronne',
    ],
  },
  {
    code: 16,
    population: 165062,
    sites: [
      { latitude: 48.85977, longitude: 2.26876, radiusMeters: 800 },
      { latitude: 48.86731, longitude: 2.29071, radiusMeters: 540 },
      { latitude: 48.83965, longitude: 2.25958, radiusMeters: 490 },
    ],
    streets: [
      'rue de Passy',
      'avenue Mozart',
      'rue de la Pompe',
      'avenue Victor Hugo',
      "rue d'Auteuil",
      'avenue de Versailles',
    ],
  },
  {
    code: 17,
    population: 166543,
    sites: [
      { latitude: 48.88887, longitude: 2.31312, radiusMeters: 780 },
      { latitude: 48.88312, longitude: 2.29346, radiusMeters: 580 },
      { latitude: 48.89749, longitude: 2.32349, radiusMeters: 310 },
    ],
    streets: [
      'rue des Dames',
      'avenue de Clichy',
      'rue Legendre',
      'rue de Lévis',
      'boulevard Pereire',
      'rue Brochant',
    ],
  },
  {
    code: 18,
    population: 191135,
    sites: [
      { latitude: 48.89208, longitude: 2.34198, radiusMeters: 920 },
      { latitude: 48.8964, longitude: 2.36273, radiusMeters: 500 },
      { latitude: 48.88777, longitude: 2.36164, radiusMeters: 330 },
    ],
    streets: [
      'rue Ordener',
      'rue Championnet',
      'rue Marcadet',
      'rue du Poteau',
      "rue de la Goutte d'Or",
      'rue Custine',
    ],
  },
  {
    code: 19,
    population: 184787,
    sites: [
      { latitude: 48.88751, longitude: 2.3838, radiusMeters: 1010 },
      { latitude: 48.87925, longitude: 2.40019, radiusMeters: 320 },
      { latitude: 48.89901, longitude: 2.37452, radiusMeters: 270 },
      { latitude: 48.8753, longitude: 2.37834, radiusMeters: 260 },
    ],
    streets: [
      'avenue de Flandre',
      'rue de Crimée',
      'avenue Secrétan',
      'rue de Belleville',
      'avenue Jean Jaurès',
      'rue Manin',
    ],
  },
  {
    code: 20,
    population: 193601,
    sites: [
      { latitude: 48.86638, longitude: 2.39993, radiusMeters: 890 },
      { latitude: 48.85272, longitude: 2.40757, radiusMeters: 530 },
      { latitude: 48.87069, longitude: 2.38354, radiusMeters: 250 },
    ],
    streets: [
      'rue des Pyrénées',
      'rue de Ménilmontant',
      'avenue Gambetta',
      'rue de Bagnolet',
      "rue d'Avron",
      'rue des Orteaux',
    ],
  },
];

/** The CoRDEES perimeter: the western part of the Clichy-Batignolles eco-district (17th), around the Martin Luther King park. */
export const ECO_DISTRICT = {
  id: 'clichy-batignolles',
  arrondissement: 17,
  site: { latitude: 48.8893, longitude: 2.316, radiusMeters: 380 },
  streets: [
    'rue Cardinet',
    'rue Mstislav Rostropovitch',
    'rue Gilbert Cesbron',
    'rue Rose Valland',
    'boulevard Berthier',
    'rue Jacques Kellner',
  ],
} as const;

/** Public buildings across the 20 arrondissements, and buildings of the CoRDEES perimeter. */
export const MUNICIPAL_BUILDINGS = 1_560;
export const ECO_DISTRICT_BUILDINGS = 240;
/** The brochure's figure: the City supervises the heating of 1,500 buildings (the CoRDEES ones included). */
export const SUPERVISED_BUILDINGS = 1_500;

/** When a building is in use: drives heating set-back, electricity and water profiles. */
export type Schedule =
  'SCHOOL' | 'NURSERY' | 'OFFICE' | 'SPORT' | 'POOL' | 'LIBRARY' | 'MUSEUM' | 'CULTURE' | 'HOUSING';

export interface CategoryProfile {
  label: string;
  /** Relative frequency among the City's buildings (0 for categories found only in the eco-district). */
  municipalWeight: number;
  floorArea: [number, number];
  /** Median final-energy intensity of the existing stock, kWh per m² per year. */
  medianIntensity: number;
  /** Share of the annual energy that goes to space and water heating. */
  heatingShare: number;
  /** m³ of water per m² per year. */
  waterIntensity: number;
  schedule: Schedule;
  /** Paris names schools and crèches after their address ("École élémentaire 12 rue Legendre"). */
  namedByAddress: boolean;
}

export const CATEGORY_PROFILES = {
  SCHOOL: {
    label: 'École élémentaire',
    municipalWeight: 0.4,
    floorArea: [1200, 4500],
    medianIntensity: 150,
    heatingShare: 0.75,
    waterIntensity: 0.4,
    schedule: 'SCHOOL',
    namedByAddress: true,
  },
  COLLEGE: {
    label: 'Collège',
    municipalWeight: 0.06,
    floorArea: [5000, 12000],
    medianIntensity: 140,
    heatingShare: 0.72,
    waterIntensity: 0.35,
    schedule: 'SCHOOL',
    namedByAddress: false,
  },
  NURSERY: {
    label: 'Crèche collective',
    municipalWeight: 0.18,
    floorArea: [400, 1200],
    medianIntensity: 190,
    heatingShare: 0.7,
    waterIntensity: 0.8,
    schedule: 'NURSERY',
    namedByAddress: true,
  },
  GYMNASIUM: {
    label: 'Gymnase',
    municipalWeight: 0.07,
    floorArea: [1000, 3500],
    medianIntensity: 170,
    heatingShare: 0.7,
    waterIntensity: 0.5,
    schedule: 'SPORT',
    namedByAddress: false,
  },
  SWIMMING_POOL: {
    label: 'Piscine',
    municipalWeight: 0.025,
    floorArea: [2000, 6000],
    medianIntensity: 600,
    heatingShare: 0.8,
    waterIntensity: 12,
    schedule: 'POOL',
    namedByAddress: false,
  },
  LIBRARY: {
    label: 'Bibliothèque',
    municipalWeight: 0.04,
    floorArea: [600, 4000],
    medianIntensity: 160,
    heatingShare: 0.6,
    waterIntensity: 0.15,
    schedule: 'LIBRARY',
    namedByAddress: false,
  },
  TOWN_HALL: {
    label: "Mairie d'arrondissement",
    municipalWeight: 0,
    floorArea: [4000, 12000],
    medianIntensity: 170,
    heatingShare: 0.65,
    waterIntensity: 0.3,
    schedule: 'OFFICE',
    namedByAddress: false,
  },
  OFFICES: {
    label: 'Bureaux administratifs',
    municipalWeight: 0.05,
    floorArea: [1000, 8000],
    medianIntensity: 180,
    heatingShare: 0.5,
    waterIntensity: 0.3,
    schedule: 'OFFICE',
    namedByAddress: false,
  },
  MUSEUM: {
    label: 'Musée',
    municipalWeight: 0.012,
    floorArea: [2000, 10000],
    medianIntensity: 250,
    heatingShare: 0.55,
    waterIntensity: 0.2,
    schedule: 'MUSEUM',
    namedByAddress: false,
  },
  CONSERVATORY: {
    label: 'Conservatoire',
    municipalWeight: 0.015,
    floorArea: [1000, 3000],
    medianIntensity: 160,
    heatingShare: 0.7,
    waterIntensity: 0.2,
    schedule: 'CULTURE',
    namedByAddress: false,
  },
  SOCIAL_CENTRE: {
    label: 'Centre social',
    municipalWeight: 0.05,
    floorArea: [300, 1500],
    medianIntensity: 170,
    heatingShare: 0.7,
    waterIntensity: 0.5,
    schedule: 'OFFICE',
    namedByAddress: false,
  },
  HOUSING: {
    label: 'Résidence',
    municipalWeight: 0,
    floorArea: [3000, 12000],
    medianIntensity: 110,
    heatingShare: 0.55,
    waterIntensity: 1.3,
    schedule: 'HOUSING',
    namedByAddress: false,
  },
} as const satisfies Record<string, CategoryProfile>;

export type CategoryName = keyof typeof CATEGORY_PROFILES;

/** The CoRDEES perimeter mixes social and private housing, offices and the district's public facilities. */
export const ECO_DISTRICT_MIX: readonly (readonly [CategoryName, number])[] = [
  ['HOUSING', 0.6],
  ['OFFICES', 0.25],
  ['SCHOOL', 0.05],
  ['NURSERY', 0.04],
  ['GYMNASIUM', 0.02],
  ['LIBRARY', 0.02],
  ['SOCIAL_CENTRE', 0.02],
];

export const HOUSING_OWNERS = ['Paris Habitat', 'RIVP', 'Elogie-Siemp', 'Copropriété privée'] as const;

/**
 * Construction periods of the City's stock (mostly Third-Republic schools), with how their
 * intensity compares to the category median: 1948–1974 buildings, built before any thermal
 * regulation, consume the most; post-2012 ones (RT 2012) the least.
 */
export const CONSTRUCTION_ERAS: readonly (readonly [
  { from: number; to: number; intensityFactor: number },
  number,
])[] = [
  [{ from: 1860, to: 1913, intensityFactor: 1.1 }, 0.38],
  [{ from: 1914, to: 1947, intensityFactor: 1.15 }, 0.12],
  [{ from: 1948, to: 1974, intensityFactor: 1.25 }, 0.24],
  [{ from: 1975, to: 1999, intensityFactor: 0.95 }, 0.14],
  [{ from: 2000, to: 2011, intensityFactor: 0.8 }, 0.07],
  [{ from: 2012, to: 2024, intensityFactor: 0.55 }, 0.05],
];

/**
 * DPE bands on the annual final-energy intensity (kWh/m²/yr), upper bound inclusive; above the
 * last one is G. Public buildings have no single legal label, so the residential 2021 bands are used.
 */
export const ENERGY_CLASS_BANDS: readonly (readonly ['A' | 'B' | 'C' | 'D' | 'E' | 'F', number])[] = [
  ['A', 70],
  ['B', 110],
  ['C', 180],
  ['D', 250],
  ['E', 330],
  ['F', 420],
];
