import { createHash } from 'node:crypto';
import { Provenance } from '#platform/city';
import {
  MIN_BUILDINGS_PER_ARRONDISSEMENT,
  MIN_STARTUPS,
  MIN_STATIONS_PER_ARRONDISSEMENT,
  buildingId,
  startupId,
  wasteStationId,
} from '../identifiers';
import { SeededRandom } from '#platform/random';
import { Challenge, ChallengeStatus, ChallengeTheme } from '#datacity/modules/challenge/challenge.entity';
import {
  Experiment,
  ExperimentOutcome,
  type KpiRecord,
} from '#datacity/modules/experiment/experiment.entity';
import { ChallengeSelection } from '#datacity/modules/selection/selection.entity';
import { ChallengeSite, ChallengeSiteKind } from '#datacity/modules/site/site.entity';
import { Startup, StartupSector } from '#datacity/modules/startup/startup.entity';
import { ARRONDISSEMENTS } from '../territory/reference';
import { CHALLENGE_CATALOG } from './challenges';

/**
 * The generated DataCity programme, as it stood at SNAPSHOT_DATE (the brochure's time): seasons
 * 2016–2018 completed, 2019 experimenting except its last two challenges, still open.
 *
 * What `scale` multiplies: the pool of start-ups that applied (80 × scale, never fewer than
 * MIN_STARTUPS) and the number of sites a challenge may open (up to 1 + 2 × scale, capped by the
 * stations and buildings every arrondissement is guaranteed to have). The 39 challenges stay 39.
 */
export const SNAPSHOT_DATE = '2019-10-01';
const LAST_SEASON = 2019;
const OPEN_CHALLENGES_IN_LAST_SEASON = 2;
const STARTUPS_PER_SCALE = 80;

export interface DatacityDataset {
  startups: Startup[];
  challenges: Challenge[];
  selections: ChallengeSelection[];
  sites: ChallengeSite[];
  experiments: Experiment[];
}

export interface GenerateOptions {
  seed: number;
  scale: number;
}

const { ENERGY, WASTE, MOBILITY, WATER, PUBLIC_SPACE, AIR_QUALITY } = ChallengeTheme;

/** The City of Paris departments (directions) that pose challenges, by theme. */
const DEPARTMENTS: Record<ChallengeTheme, string[]> = {
  [ENERGY]: [
    'Direction des Constructions Publiques et de l’Architecture (DCPA)',
    'Direction de l’Immobilier, de la Logistique et des Transports (DILT)',
    'Direction des Affaires Scolaires (DASCO)',
  ],
  [WASTE]: ['Direction de la Propreté et de l’Eau (DPE)'],
  [MOBILITY]: [
    'Direction de la Voirie et des Déplacements (DVD)',
    'Direction de l’Action Sociale, de l’Enfance et de la Santé (DASES)',
  ],
  [WATER]: ['Direction de la Propreté et de l’Eau (DPE)', 'Direction de la Jeunesse et des Sports (DJS)'],
  [PUBLIC_SPACE]: [
    'Direction de la Voirie et des Déplacements (DVD)',
    'Direction des Espaces Verts et de l’Environnement (DEVE)',
  ],
  [AIR_QUALITY]: [
    'Direction des Espaces Verts et de l’Environnement (DEVE)',
    'Direction des Familles et de la Petite Enfance (DFPE)',
  ],
};

/** Corporate partners a challenge may be co-sponsored by (the pairing with a challenge is generated). */
const PARTNERS: Record<ChallengeTheme, string[]> = {
  [ENERGY]: ['Enedis', 'Engie', 'EDF', 'Dalkia', 'Bouygues Immobilier', 'Schneider Electric'],
  [WASTE]: ['Suez', 'Veolia', 'Paprec', 'Citeo'],
  [MOBILITY]: ['RATP', 'SNCF', 'Keolis', 'La Poste'],
  [WATER]: ['Eau de Paris', 'Suez', 'Veolia'],
  [PUBLIC_SPACE]: ['JCDecaux', 'Vinci Energies', 'Bouygues Immobilier', 'Citelum'],
  [AIR_QUALITY]: ['Engie', 'Veolia', 'Saint-Gobain'],
};

/** Which sector answers which theme: a jury mostly selects start-ups from the matching sectors. */
const SECTORS_FOR_THEME: Record<ChallengeTheme, StartupSector[]> = {
  [ENERGY]: [StartupSector.ENERGY, StartupSector.CONSTRUCTION, StartupSector.DATA_AI],
  [WASTE]: [StartupSector.CIRCULAR_ECONOMY, StartupSector.IOT_SENSORS],
  [MOBILITY]: [StartupSector.MOBILITY, StartupSector.DATA_AI, StartupSector.CIVIC_TECH],
  [WATER]: [StartupSector.WATER, StartupSector.IOT_SENSORS],
  [PUBLIC_SPACE]: [StartupSector.CIVIC_TECH, StartupSector.IOT_SENSORS, StartupSector.DATA_AI],
  [AIR_QUALITY]: [StartupSector.IOT_SENSORS, StartupSector.CONSTRUCTION, StartupSector.DATA_AI],
};

const SECTOR_WEIGHTS: (readonly [StartupSector, number])[] = [
  [StartupSector.ENERGY, 16],
  [StartupSector.CIRCULAR_ECONOMY, 14],
  [StartupSector.MOBILITY, 14],
  [StartupSector.WATER, 7],
  [StartupSector.IOT_SENSORS, 16],
  [StartupSector.DATA_AI, 15],
  [StartupSector.CONSTRUCTION, 8],
  [StartupSector.CIVIC_TECH, 10],
];

const OFFERS: Record<StartupSector, string[]> = {
  [StartupSector.ENERGY]: [
    'Software that drives heating from occupancy and weather forecasts.',
    'Energy monitoring that turns meter data into savings plans.',
    'Local storage and sharing of solar electricity between buildings.',
  ],
  [StartupSector.CIRCULAR_ECONOMY]: [
    'Collection and recycling services for materials other channels miss.',
    'Composting solutions for dense neighbourhoods.',
    'A platform that rewards residents for sorting.',
  ],
  [StartupSector.MOBILITY]: [
    'Clean last-kilometre delivery with cargo bikes and micro-hubs.',
    'Route planning for pedestrians and people with reduced mobility.',
    'Parking sharing between public buildings and residents.',
  ],
  [StartupSector.WATER]: [
    'Smart water meters that detect leaks within hours.',
    'Rainwater storage and reuse for public sites.',
  ],
  [StartupSector.IOT_SENSORS]: [
    'Low-power sensors for fill levels, air quality and noise.',
    'A plug-and-play sensor network for public buildings.',
    'Connected counters that measure how public space is used.',
  ],
  [StartupSector.DATA_AI]: [
    'Forecasting models for urban demand (energy, crowds, waste).',
    'A data platform that merges city sensor feeds into dashboards.',
  ],
  [StartupSector.CONSTRUCTION]: [
    'Passive cooling and insulation retrofits for public buildings.',
    'Air-filtering materials and ventilation upgrades.',
  ],
  [StartupSector.CIVIC_TECH]: [
    'An app for residents to report and follow issues in public space.',
    'Tools that involve residents in the design of their neighbourhood.',
  ],
};

const NAME_STARTS = [
  'Watt',
  'Eco',
  'Urba',
  'Flux',
  'Verti',
  'Cyclo',
  'Hydra',
  'Aero',
  'Terra',
  'Lumi',
  'Qubi',
  'Neo',
  'Civi',
  'Kilo',
  'Ozo',
  'Sora',
  'Bati',
  'Mobi',
  'Trio',
  'Compo',
  'Vela',
  'Nexa',
  'Rivo',
  'Sylva',
  'Quai',
  'Pavo',
  'Zeni',
  'Oria',
  'Helio',
  'Gaïa',
];
const NAME_ENDS = [
  'lab',
  'sense',
  'tek',
  'wise',
  'grid',
  'loop',
  'flow',
  'ville',
  'metrics',
  'hub',
  'ly',
  'mind',
  'point',
  'box',
  'way',
  'nova',
  'scope',
  'link',
  'works',
  'data',
];

/** Where DataCity start-ups keep their head office: incubator-rich arrondissements weigh more (Station F in the 13th). */
const HEAD_OFFICE_WEIGHTS: (readonly [number, number])[] = ARRONDISSEMENTS.map((entry) => [
  entry.code,
  entry.code === 13 ? 8 : [2, 3, 9, 10, 11].includes(entry.code) ? 3 : 1,
]);

interface KpiDefinition {
  name: string;
  unit: string;
  baseline: readonly [number, number];
  /** Relative change the start-up commits to (negative: a reduction). */
  change: number;
}

const KPIS: Record<ChallengeTheme, KpiDefinition[]> = {
  [ENERGY]: [
    { name: 'Heating consumption', unit: 'kWh/m²/year', baseline: [110, 230], change: -0.15 },
    { name: 'Comfort complaints', unit: 'per month', baseline: [6, 24], change: -0.4 },
  ],
  [WASTE]: [
    { name: 'Overflowing containers', unit: '% of checks', baseline: [8, 22], change: -0.5 },
    { name: 'Sorting rate', unit: '%', baseline: [18, 34], change: 0.2 },
  ],
  [MOBILITY]: [
    { name: 'Average trip time', unit: 'min', baseline: [18, 36], change: -0.1 },
    { name: 'Users served', unit: 'per week', baseline: [120, 600], change: 0.3 },
  ],
  [WATER]: [
    { name: 'Water consumption', unit: 'm³/month', baseline: [180, 900], change: -0.2 },
    { name: 'Leak detection delay', unit: 'hours', baseline: [24, 96], change: -0.5 },
  ],
  [PUBLIC_SPACE]: [
    { name: 'Incidents reported', unit: 'per month', baseline: [10, 45], change: -0.3 },
    { name: 'User satisfaction', unit: '%', baseline: [48, 70], change: 0.15 },
  ],
  [AIR_QUALITY]: [
    { name: 'CO₂ peaks above 1,500 ppm', unit: 'hours/week', baseline: [6, 20], change: -0.5 },
    { name: 'Mean PM2.5', unit: 'µg/m³', baseline: [14, 30], change: -0.2 },
  ],
};

/** How far the measured value went towards the target: 1 reaches it exactly. */
const PROGRESS: Record<ExperimentOutcome, readonly [number, number]> = {
  [ExperimentOutcome.DEPLOYED]: [1, 1.4],
  [ExperimentOutcome.EXTENDED]: [0.5, 0.9],
  [ExperimentOutcome.STOPPED]: [-0.1, 0.4],
};

const round1 = (value: number): number => Math.round(value * 10) / 10;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A point within the arrondissement's inner half (its equivalent-disc radius halved). */
function pointIn(random: SeededRandom, code: number): { latitude: number; longitude: number } {
  const reference = ARRONDISSEMENTS.find((entry) => entry.code === code);
  if (!reference) throw new Error(`No reference centroid for arrondissement ${code}`);
  const radius = Math.sqrt(reference.surfaceM2 / Math.PI) / 2;
  const point = random.pointNear(reference.latitude, reference.longitude, radius);
  return { latitude: Number(point.latitude.toFixed(6)), longitude: Number(point.longitude.toFixed(6)) };
}

/** `count` distinct items, in random order. */
function sample<T>(random: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    [pool[index], pool[other]] = [pool[other], pool[index]];
  }
  return pool.slice(0, count);
}

export function validateGenerateOptions(options: GenerateOptions): void {
  if (!Number.isInteger(options.seed))
    throw new RangeError(`The DataCity seed must be an integer (got ${options.seed})`);
  if (!(Number.isFinite(options.scale) && options.scale > 0 && options.scale <= 1000)) {
    throw new RangeError(
      `The DataCity scale must be a number above 0 and at most 1000 (got ${options.scale})`,
    );
  }
}

export function startupCount(scale: number): number {
  return Math.max(MIN_STARTUPS, Math.round(STARTUPS_PER_SCALE * scale));
}

function generateStartups(seed: number, scale: number): Startup[] {
  const random = new SeededRandom(seed, 'datacity:startups');
  const names = new Set<string>();
  return Array.from({ length: startupCount(scale) }, (_, index) => {
    let name = `${random.pick(NAME_STARTS)}${random.pick(NAME_ENDS)}`;
    // Past the 600 syllable pairs (large scales), homonyms are told apart by a number.
    for (let suffix = 2; names.has(name); suffix += 1) name = `${name.replace(/ \d+$/, '')} ${suffix}`;
    names.add(name);
    const sector = random.weighted(SECTOR_WEIGHTS);
    const arrondissementCode = random.weighted(HEAD_OFFICE_WEIGHTS);
    return Object.assign(new Startup(), {
      id: startupId(index + 1),
      name,
      description: random.pick(OFFERS[sector]),
      sector,
      foundedYear: random.weighted(
        [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018].map(
          (year) => [year, year >= 2013 ? 3 : 1] as const,
        ),
      ),
      website: random.chance(0.9) ? `https://www.${slug(name)}.example` : null,
      employees: Math.min(250, Math.max(2, Math.round(Math.exp(random.normal(2.6, 0.8))))),
      arrondissementCode,
      ...pointIn(random, arrondissementCode),
      provenance: Provenance.GENERATED,
    });
  });
}

function siteKind(random: SeededRandom, theme: ChallengeTheme): ChallengeSiteKind {
  if (theme === WASTE) return ChallengeSiteKind.WASTE_STATION;
  if (theme === MOBILITY || theme === PUBLIC_SPACE)
    return random.pick([ChallengeSiteKind.WASTE_STATION, ChallengeSiteKind.PUBLIC_BUILDING]);
  return ChallengeSiteKind.PUBLIC_BUILDING;
}

function generateKpis(
  random: SeededRandom,
  theme: ChallengeTheme,
  outcome: ExperimentOutcome | null,
): KpiRecord[] {
  return KPIS[theme].map((definition) => {
    const baseline = round1(random.between(...definition.baseline));
    const target = round1(baseline * (1 + definition.change));
    const measured =
      outcome === null ? null : round1(baseline + (target - baseline) * random.between(...PROGRESS[outcome]));
    return {
      name: definition.name,
      unit: definition.unit,
      baseline,
      target,
      measured,
      higherIsBetter: definition.change > 0,
    };
  });
}

/** The whole programme for a seed and scale: the same options always give the same rows. */
export function generateDatacity(options: GenerateOptions): DatacityDataset {
  validateGenerateOptions(options);
  const { seed, scale } = options;
  const startups = generateStartups(seed, scale);
  const random = new SeededRandom(seed, 'datacity:challenges');
  const maxSites = Math.min(
    MIN_STATIONS_PER_ARRONDISSEMENT,
    MIN_BUILDINGS_PER_ARRONDISSEMENT,
    1 + Math.round(2 * scale),
  );
  const dataset: DatacityDataset = { startups, challenges: [], selections: [], sites: [], experiments: [] };
  const numberInSeason = new Map<number, number>();
  const lastSeasonSize = CHALLENGE_CATALOG.filter((definition) => definition.season === LAST_SEASON).length;

  for (const definition of CHALLENGE_CATALOG) {
    const number = (numberInSeason.get(definition.season) ?? 0) + 1;
    numberInSeason.set(definition.season, number);
    const id = `DC-${definition.season}-${String(number).padStart(2, '0')}`;
    const status =
      definition.season < LAST_SEASON
        ? ChallengeStatus.COMPLETED
        : number > lastSeasonSize - OPEN_CHALLENGES_IN_LAST_SEASON
          ? ChallengeStatus.OPEN
          : ChallengeStatus.EXPERIMENTING;
    const arrondissementCode = random.integer(1, 20);

    const siteCount = random.integer(1, maxSites);
    const kinds = Array.from({ length: siteCount }, () => siteKind(random, definition.theme));
    // Distinct station / building numbers, all within what the owners guarantee for each arrondissement.
    const stationNumbers = sample(
      random,
      Array.from({ length: MIN_STATIONS_PER_ARRONDISSEMENT }, (_, i) => i + 1),
      siteCount,
    );
    const buildingNumbers = sample(
      random,
      Array.from({ length: MIN_BUILDINGS_PER_ARRONDISSEMENT }, (_, i) => i + 1),
      siteCount,
    );
    const sites = kinds.map((kind, index) =>
      Object.assign(new ChallengeSite(), {
        id: `${id}-S${index + 1}`,
        challengeId: id,
        kind,
        wasteStationId:
          kind === ChallengeSiteKind.WASTE_STATION
            ? wasteStationId(arrondissementCode, stationNumbers[index])
            : null,
        buildingId:
          kind === ChallengeSiteKind.PUBLIC_BUILDING
            ? buildingId(arrondissementCode, buildingNumbers[index])
            : null,
        arrondissementCode,
        ...pointIn(random, arrondissementCode),
        provenance: Provenance.GENERATED,
      }),
    );

    const launchDate = addDays(`${definition.season}-01-10`, random.integer(0, 40));
    dataset.challenges.push(
      Object.assign(new Challenge(), {
        id,
        title: definition.title,
        description: definition.description,
        season: definition.season,
        theme: definition.theme,
        status,
        cityDepartment: random.pick(DEPARTMENTS[definition.theme]),
        partners: sample(random, PARTNERS[definition.theme], random.integer(1, 3)).sort(),
        launchDate,
        arrondissementCode,
        latitude: sites[0].latitude,
        longitude: sites[0].longitude,
        provenance: Provenance.GENERATED,
      }),
    );
    dataset.sites.push(...sites);
    if (status === ChallengeStatus.OPEN) continue;

    // The jury picks among start-ups that existed that season, mostly from the sectors the theme calls for.
    const candidates = startups.filter((startup) => startup.foundedYear <= definition.season);
    const wanted = random.weighted([
      [1, 3],
      [2, 4.5],
      [3, 2.5],
    ] as const);
    const chosen: Startup[] = [];
    while (chosen.length < Math.min(wanted, candidates.length)) {
      const pick = random.weighted(
        candidates
          .filter((candidate) => !chosen.includes(candidate))
          .map(
            (candidate) =>
              [candidate, SECTORS_FOR_THEME[definition.theme].includes(candidate.sector) ? 6 : 1] as const,
          ),
      );
      chosen.push(pick);
    }
    let experimentNumber = 0;
    for (const startup of chosen) {
      const selectedOn = addDays(`${definition.season}-04-01`, random.integer(0, 30));
      dataset.selections.push(
        Object.assign(new ChallengeSelection(), { challengeId: id, startupId: startup.id, selectedOn }),
      );
      for (const site of sample(random, sites, random.integer(1, sites.length))) {
        experimentNumber += 1;
        const startDate = addDays(selectedOn, random.integer(20, 130));
        const outcome =
          status === ChallengeStatus.COMPLETED
            ? random.weighted([
                [ExperimentOutcome.DEPLOYED, 3],
                [ExperimentOutcome.EXTENDED, 3],
                [ExperimentOutcome.STOPPED, 4],
              ] as const)
            : null;
        dataset.experiments.push(
          Object.assign(new Experiment(), {
            id: `${id}-E${experimentNumber}`,
            challengeId: id,
            startupId: startup.id,
            siteId: site.id,
            startDate,
            // A running experiment's end is its planned end, after the snapshot.
            endDate: outcome
              ? addDays(startDate, random.integer(90, 300))
              : addDays(SNAPSHOT_DATE, random.integer(30, 240)),
            outcome,
            kpis: generateKpis(random, definition.theme, outcome),
            provenance: Provenance.GENERATED,
          }),
        );
      }
    }
  }
  return dataset;
}

/** A fingerprint of the generated rows, recorded in the dataset ledger (same seed and scale, same checksum). */
export function datasetChecksum(dataset: DatacityDataset): string {
  return createHash('sha256').update(JSON.stringify(dataset)).digest('hex');
}
