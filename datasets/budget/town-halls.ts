/**
 * The export gives addresses, not coordinates. A fifth of its projects are filed at a town hall
 * (the arrondissement's "mairie", or the Hôtel de Ville for Paris-wide projects): those we can
 * place. Positions are reference figures (the building's entrance, to about 50 m); the importer
 * test checks each one falls inside its arrondissement's official boundary.
 */
export interface TownHall {
  /** 0 for the Hôtel de Ville (the city's seat, in the 4th). */
  arrondissement: number;
  name: string;
  /** Normalized addresses (see `normalizeAddress`) the export writes for it. */
  addresses: string[];
  latitude: number;
  longitude: number;
}

export const HOTEL_DE_VILLE: TownHall = {
  arrondissement: 0,
  name: 'Hôtel de Ville',
  addresses: [],
  latitude: 48.8564,
  longitude: 2.3524,
};

export const TOWN_HALLS: TownHall[] = [
  {
    arrondissement: 1,
    name: 'Mairie du 1er',
    addresses: ['4 place du louvre'],
    latitude: 48.8596,
    longitude: 2.3411,
  },
  {
    arrondissement: 2,
    name: 'Mairie du 2e',
    addresses: ['8 rue de la banque'],
    latitude: 48.8672,
    longitude: 2.3405,
  },
  {
    arrondissement: 3,
    name: 'Mairie de Paris Centre',
    addresses: ['2 rue eugene spuller'],
    latitude: 48.8654,
    longitude: 2.3608,
  },
  {
    arrondissement: 4,
    name: 'Mairie du 4e',
    addresses: ['2 place baudoyer'],
    latitude: 48.8559,
    longitude: 2.3556,
  },
  {
    arrondissement: 5,
    name: 'Mairie du 5e',
    addresses: ['21 place du pantheon'],
    latitude: 48.8462,
    longitude: 2.3446,
  },
  {
    arrondissement: 6,
    name: 'Mairie du 6e',
    addresses: ['78 rue bonaparte'],
    latitude: 48.8506,
    longitude: 2.3327,
  },
  {
    arrondissement: 7,
    name: 'Mairie du 7e',
    addresses: ['116 rue de grenelle'],
    latitude: 48.8561,
    longitude: 2.3206,
  },
  {
    arrondissement: 8,
    name: 'Mairie du 8e',
    addresses: ['3 rue de lisbonne'],
    latitude: 48.8781,
    longitude: 2.3163,
  },
  {
    arrondissement: 9,
    name: 'Mairie du 9e',
    addresses: ['6 rue drouot'],
    latitude: 48.8728,
    longitude: 2.3409,
  },
  {
    arrondissement: 10,
    name: 'Mairie du 10e',
    addresses: ['72 rue du faubourg saint martin'],
    latitude: 48.8719,
    longitude: 2.3578,
  },
  {
    arrondissement: 11,
    name: 'Mairie du 11e',
    addresses: ['12 place leon blum'],
    latitude: 48.8575,
    longitude: 2.3796,
  },
  {
    arrondissement: 12,
    name: 'Mairie du 12e',
    addresses: ['130 avenue daumesnil'],
    latitude: 48.8404,
    longitude: 2.3878,
  },
  {
    arrondissement: 13,
    name: 'Mairie du 13e',
    addresses: ['1 place d italie'],
    latitude: 48.8315,
    longitude: 2.3558,
  },
  {
    arrondissement: 14,
    name: 'Mairie du 14e',
    addresses: ['2 place ferdinand brunot'],
    latitude: 48.8331,
    longitude: 2.3265,
  },
  {
    arrondissement: 15,
    name: 'Mairie du 15e',
    addresses: ['31 rue peclet'],
    latitude: 48.8414,
    longitude: 2.3004,
  },
  {
    arrondissement: 16,
    name: 'Mairie du 16e',
    addresses: ['71 avenue henri martin'],
    latitude: 48.8637,
    longitude: 2.2765,
  },
  {
    arrondissement: 17,
    name: 'Mairie du 17e',
    addresses: ['16 20 rue des batignolles', '16 rue des batignolles', '20 rue des batignolles'],
    latitude: 48.8839,
    longitude: 2.3218,
  },
  {
    arrondissement: 18,
    name: 'Mairie du 18e',
    addresses: ['1 place jules joffrin'],
    latitude: 48.8923,
    longitude: 2.3444,
  },
  {
    arrondissement: 19,
    name: 'Mairie du 19e',
    addresses: ['5 7 place armand carrel', '5 place armand carrel', '7 place armand carrel'],
    latitude: 48.8822,
    longitude: 2.3828,
  },
  {
    arrondissement: 20,
    name: 'Mairie du 20e',
    addresses: ['6 place gambetta'],
    latitude: 48.8652,
    longitude: 2.3988,
  },
];

/** Lower case, no accents, no punctuation: "5-7 Place Armand Carrel" -> "5 7 place armand carrel". */
export function normalizeAddress(address: string): string {
  return address
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The town hall an address designates, if it is one and belongs to the project's arrondissements
 * (a mismatch means we would be guessing, so the project stays unlocated).
 */
export function townHallAt(address: string | null, arrondissements: number[]): TownHall | null {
  if (!address) return null;
  const normalized = normalizeAddress(address);
  if (/(^| )hotel de ville( |$)/.test(normalized)) return arrondissements.includes(4) ? HOTEL_DE_VILLE : null;
  const mairie = /^mairie du (\d{1,2})(?:e|eme|er)?(?: arrondissement)?$/.exec(normalized);
  const hall = mairie
    ? TOWN_HALLS.find((candidate) => candidate.arrondissement === Number(mairie[1]))
    : TOWN_HALLS.find((candidate) => candidate.addresses.includes(normalized));
  return hall && arrondissements.includes(hall.arrondissement) ? hall : null;
}
