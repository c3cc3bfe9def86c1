import { TrainingFormat, TrainingSkillDomain } from '#training/modules/course/course.entity';
import { TrainingSponsorKind } from '#training/modules/sponsor/sponsor.entity';

/**
 * The figures the ParisCode generator is built on, from the City's brochure "Smart and Sustainable
 * Paris" (shared/seed/smart-sustainable-paris.txt): "1,000 developers/coders and other digital
 * sector professionals per year"; "since 2016, annual calls for projects, supported by a budget of
 * €1 million, have made it possible to fund close to 3,000 training places, with an additional
 * 1,300 places available in 2019"; "€1.3 million raised since 2016" from sponsors; "a success
 * rate of between 75 and 100 %, with trainees either securing employment or going on to further
 * studies". Everything else (providers, addresses, dates, splits) is invented and marked GENERATED.
 */
export const BROCHURE = {
  callBudgetEuros: 1_000_000,
  sponsorshipEuros: 1_300_000,
  successRate: { min: 0.75, max: 1 },
} as const;

/** One call a year; 900 + 1,000 + 1,100 = the "close to 3,000" places of 2016–2018, then 1,300 in 2019. */
export const CALLS: readonly { year: number; places: number; openedOn: string; closedOn: string }[] = [
  { year: 2016, places: 900, openedOn: '2016-01-18', closedOn: '2016-03-04' },
  { year: 2017, places: 1000, openedOn: '2017-01-16', closedOn: '2017-03-03' },
  { year: 2018, places: 1100, openedOn: '2018-01-15', closedOn: '2018-03-02' },
  { year: 2019, places: 1300, openedOn: '2019-01-14', closedOn: '2019-03-01' },
];

export interface Trade {
  domain: TrainingSkillDomain;
  /** Relative share of the courses. */
  weight: number;
  titles: readonly string[];
  hours: readonly [number, number];
}

/** Course titles follow the French professional titles (titres professionnels) these trades lead to. */
export const TRADES: readonly Trade[] = [
  {
    domain: TrainingSkillDomain.WEB_DEVELOPMENT,
    weight: 35,
    titles: [
      'Développeur web et web mobile',
      "Concepteur développeur d'applications",
      'Développeur full-stack JavaScript',
      'Intégrateur web',
    ],
    hours: [420, 980],
  },
  {
    domain: TrainingSkillDomain.DATA,
    weight: 15,
    titles: ['Data analyst', 'Développeur en intelligence artificielle', 'Data engineer'],
    hours: [420, 840],
  },
  {
    domain: TrainingSkillDomain.CYBERSECURITY,
    weight: 10,
    titles: ['Analyste SOC', "Administrateur d'infrastructures sécurisées", 'Technicien cybersécurité'],
    hours: [490, 910],
  },
  {
    domain: TrainingSkillDomain.CLOUD_AND_NETWORKS,
    weight: 10,
    titles: ['Technicien supérieur systèmes et réseaux', 'Administrateur systèmes DevOps'],
    hours: [490, 910],
  },
  {
    domain: TrainingSkillDomain.DIGITAL_MARKETING,
    weight: 10,
    titles: ['Chargé de marketing digital', 'Community manager', 'Growth marketer'],
    hours: [280, 560],
  },
  {
    domain: TrainingSkillDomain.UX_DESIGN,
    weight: 8,
    titles: ['Designer UX/UI', 'Concepteur designer UI'],
    hours: [350, 700],
  },
  {
    domain: TrainingSkillDomain.DIGITAL_SUPPORT,
    weight: 12,
    titles: ["Technicien d'assistance informatique", 'Conseiller et médiateur numérique'],
    hours: [280, 560],
  },
];

/** Hours taught per week, which sets how long a cohort lasts. */
export const WEEKLY_HOURS: Record<TrainingFormat, number> = {
  [TrainingFormat.BOOTCAMP]: 35,
  [TrainingFormat.PART_TIME]: 15,
  [TrainingFormat.WORK_STUDY]: 14,
  [TrainingFormat.BLENDED]: 25,
};

/** Places per course by format: bootcamps are small groups, blended courses larger ones. */
export const PLACES: Record<TrainingFormat, readonly [number, number]> = {
  [TrainingFormat.BOOTCAMP]: [12, 24],
  [TrainingFormat.PART_TIME]: [10, 20],
  [TrainingFormat.WORK_STUDY]: [10, 16],
  [TrainingFormat.BLENDED]: [15, 30],
};

/**
 * Where courses are taught: the north and east (10th, 11th, 13th, 18th–20th), home to most of the
 * city's priority neighbourhoods, weigh more, as the calls for projects ask.
 */
export const ARRONDISSEMENT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 3],
  [3, 2],
  [4, 1],
  [5, 1],
  [6, 1],
  [7, 1],
  [8, 2],
  [9, 3],
  [10, 4],
  [11, 5],
  [12, 3],
  [13, 5],
  [14, 3],
  [15, 3],
  [16, 1],
  [17, 3],
  [18, 6],
  [19, 6],
  [20, 6],
];

/** The arrondissements with the most priority neighbourhoods, where courses favour their residents. */
export const PRIORITY_NEIGHBOURHOOD_ARRONDISSEMENTS = new Set([10, 11, 13, 14, 17, 18, 19, 20]);

/** Two real streets of each arrondissement, so generated addresses read like Paris. */
export const STREETS: Record<number, readonly [string, string]> = {
  1: ['rue de Rivoli', 'rue Saint-Honoré'],
  2: ['rue Réaumur', 'rue du Sentier'],
  3: ['rue de Bretagne', 'rue Beaubourg'],
  4: ['rue de la Verrerie', 'rue Saint-Antoine'],
  5: ['rue Monge', 'rue Mouffetard'],
  6: ['rue de Rennes', 'rue du Cherche-Midi'],
  7: ['rue de Grenelle', 'rue Cler'],
  8: ['rue La Boétie', 'boulevard Haussmann'],
  9: ['rue La Fayette', 'rue des Martyrs'],
  10: ['rue du Faubourg-Saint-Denis', 'quai de Valmy'],
  11: ['rue Oberkampf', 'boulevard Voltaire'],
  12: ['avenue Daumesnil', 'rue de Charenton'],
  13: ["avenue d'Italie", 'rue de Tolbiac'],
  14: ['avenue du Général-Leclerc', "rue d'Alésia"],
  15: ['rue de la Convention', 'rue de Vaugirard'],
  16: ['avenue de Versailles', 'rue de Passy'],
  17: ['avenue de Clichy', 'rue Cardinet'],
  18: ['rue Ordener', 'boulevard Barbès'],
  19: ['avenue Jean-Jaurès', 'rue de Crimée'],
  20: ['rue de Belleville', 'rue des Pyrénées'],
};

/** Invented organisation names are built from Paris place names: no real provider or sponsor is implied. */
export const NAME_STEMS = [
  'Belleville',
  'Lutèce',
  'Montsouris',
  'Batignolles',
  'Bastille',
  'Ménilmontant',
  'Butte-aux-Cailles',
  "Goutte-d'Or",
  'Villette',
  'Nation',
  'Oberkampf',
  'Bercy',
  'Grenelle',
  'Montmartre',
  'Mouffetard',
  'Marais',
  'Charonne',
  'Vaugirard',
  'Ourcq',
  'Auteuil',
  'Passy',
  'Pigalle',
  'Daumesnil',
  'Jourdain',
  'Plaisance',
  'Chaillot',
  'Étoile',
  'Concorde',
  'Madeleine',
  'Trocadéro',
  'Pont-Neuf',
  'Haussmann',
  'Opéra',
  'Monceau',
] as const;

export const PROVIDER_PATTERNS = {
  SCHOOL: ['École du code {}', '{} Academy', '{} Code School', 'Campus numérique {}'],
  ASSOCIATION: ['{} Numérique Solidaire', 'Association {} Digital', 'Collectif {} Code'],
  COMPANY: ['{} Formation', '{} Learning', '{} Compétences Numériques'],
} as const;

export const SPONSOR_PATTERNS: Record<
  Exclude<TrainingSponsorKind, TrainingSponsorKind.STARTUP>,
  readonly string[]
> = {
  [TrainingSponsorKind.COMPANY]: [
    'Banque {}',
    '{} Assurances',
    '{} Télécom',
    'Groupe {}',
    '{} Conseil',
    '{} Énergies',
    '{} Logiciels',
  ],
  [TrainingSponsorKind.FOUNDATION]: ['Fondation {}', 'Fondation {} pour l’emploi', 'Fonds de dotation {}'],
};

/**
 * How each kind of sponsor gives: its share of the sponsors, how many courses it backs, and the
 * relative size of each gift (start-ups a few thousand euros to one or two courses, companies and
 * foundations more, to more). Gifts are then scaled so that they add up to the brochure's €1.3 M.
 */
export const SPONSOR_PROFILES: Record<
  TrainingSponsorKind,
  { share: number; courses: readonly [number, number]; gift: readonly [number, number] }
> = {
  [TrainingSponsorKind.COMPANY]: { share: 0.6, courses: [1, 6], gift: [10, 60] },
  [TrainingSponsorKind.FOUNDATION]: { share: 0.2, courses: [2, 5], gift: [20, 80] },
  [TrainingSponsorKind.STARTUP]: { share: 0.2, courses: [1, 2], gift: [2, 10] },
};
