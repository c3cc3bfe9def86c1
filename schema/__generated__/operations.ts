/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: unknown; output: unknown; }
};

export type AccompanimentCancellationReason =
  | 'BENEFICIARY_REQUEST'
  | 'HEALTH'
  | 'NO_VOLUNTEER_AVAILABLE'
  | 'OTHER'
  | 'VOLUNTEER_UNAVAILABLE';

/** Where to pick the person up, when it is not their home. */
export type AccompanimentPickupInput = {
  arrondissement: Scalars['Int']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

/** Why the person wants to go out. */
export type AccompanimentPurpose =
  | 'ADMINISTRATIVE'
  | 'CULTURE'
  | 'MEDICAL_APPOINTMENT'
  | 'OTHER'
  | 'SHOPPING'
  | 'SOCIAL_ACTIVITY'
  | 'WALK';

/** A request by an isolated elderly person to be accompanied out by a volunteer (Paris en Compagnie). Identity and exact location are for operators only. */
export type AccompanimentRequest = {
  __typename?: 'AccompanimentRequest';
  acceptedAt: Maybe<Scalars['DateTime']['output']>;
  /** The pickup point rounded to a ~200 m grid: what volunteers see before accepting. */
  approximateLocation: Location;
  /** The pickup arrondissement. */
  arrondissement: Arrondissement;
  /** The person to accompany (operators only). */
  beneficiary: Maybe<Beneficiary>;
  cancellationReason: Maybe<AccompanimentCancellationReason>;
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  /** The idempotency key the request was recorded with. */
  clientRequestId: Maybe<Scalars['String']['output']>;
  completedAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Expected length of the outing. */
  durationMinutes: Scalars['Int']['output'];
  /** e.g. "REQ-000042". */
  id: Scalars['ID']['output'];
  /** The exact pickup point (operators only). */
  location: Maybe<Location>;
  /** GENERATED for the seeded history; null for requests recorded through the service. */
  provenance: Maybe<Provenance>;
  purpose: AccompanimentPurpose;
  /** When the person wants to be picked up. */
  requestedFor: Scalars['DateTime']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: AccompanimentStatus;
  transportMode: AccompanimentTransportMode;
  /** Who accepted it (operators only). */
  volunteer: Maybe<Volunteer>;
};

export type AccompanimentRequestConnection = {
  __typename?: 'AccompanimentRequestConnection';
  edges: Array<AccompanimentRequestEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AccompanimentRequestEdge = {
  __typename?: 'AccompanimentRequestEdge';
  cursor: Scalars['String']['output'];
  node: AccompanimentRequest;
};

/** A step of an accompaniment request’s lifecycle, in the order it was stored. */
export type AccompanimentRequestEvent = {
  __typename?: 'AccompanimentRequestEvent';
  /** Position in the request stream: give it as `after` to resume right after this event. */
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The request as it is now, with its own access rules: null for a volunteer once it is no longer theirs to see (accepted by someone else, when replaying with `after`). */
  request: Maybe<AccompanimentRequest>;
  /** The status the request moved to. */
  status: AccompanimentStatus;
};

export type AccompanimentRequestFilter = {
  /** Pickup arrondissement, 1–20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  beneficiaryId: InputMaybe<Scalars['ID']['input']>;
  /** Around the (approximate, ~200 m) pickup point. */
  near: InputMaybe<NearInput>;
  purpose: InputMaybe<AccompanimentPurpose>;
  /** Requested for before this instant. */
  requestedBefore: InputMaybe<Scalars['DateTime']['input']>;
  /** Requested for this instant or later. */
  requestedFrom: InputMaybe<Scalars['DateTime']['input']>;
  status: InputMaybe<AccompanimentStatus>;
  volunteerId: InputMaybe<Scalars['ID']['input']>;
};

/** Accompaniments of one arrondissement over one closed month or year, by the month the outing was requested for. When any of its counts is under 5 (or when showing it would let a caller subtract its way to such a count), every figure is null and `suppressed` is true. */
export type AccompanimentStatsCell = {
  __typename?: 'AccompanimentStatsCell';
  arrondissement: Arrondissement;
  /** Mean time from a request being recorded to a volunteer accepting it, in minutes. */
  averageResponseMinutes: Maybe<Scalars['Float']['output']>;
  /** Accompaniments carried out. */
  completed: Maybe<Scalars['Int']['output']>;
  /** 1–12 for MONTH cells, null for YEAR cells. */
  month: Maybe<Scalars['Int']['output']>;
  period: AccompanimentStatsPeriod;
  /** Requests made (whatever became of them). */
  requests: Maybe<Scalars['Int']['output']>;
  /** True when the figures are withheld to protect the people counted. */
  suppressed: Scalars['Boolean']['output'];
  /** Distinct volunteers who accepted at least one of these requests. */
  volunteersActive: Maybe<Scalars['Int']['output']>;
  year: Scalars['Int']['output'];
};

export type AccompanimentStatsFilter = {
  /** 1–20; all arrondissements when left out. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  fromYear: InputMaybe<Scalars['Int']['input']>;
  period: AccompanimentStatsPeriod;
  toYear: InputMaybe<Scalars['Int']['input']>;
};

/** MONTH: calendar months (Paris time) that are over; YEAR: calendar years that are over. */
export type AccompanimentStatsPeriod =
  | 'MONTH'
  | 'YEAR';

/** OPEN (waiting for a volunteer) -> ACCEPTED -> IN_PROGRESS -> COMPLETED; CANCELLED at any point before completion. */
export type AccompanimentStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'OPEN';

/** Paris en Compagnie accompanies on foot or by public transport, within Paris. */
export type AccompanimentTransportMode =
  | 'PUBLIC_TRANSPORT'
  | 'WALK';

/** One of the 20 arrondissements of Paris. */
export type Arrondissement = {
  __typename?: 'Arrondissement';
  /** Paris en Compagnie in this arrondissement per closed month or year (YEAR by default), small counts suppressed. */
  accompanimentStats: Array<AccompanimentStatsCell>;
  /** Participatory Budget projects of the arrondissement, newest first; Paris Centre projects count in each of the 1st–4th. */
  budgetProjects: BudgetProjectConnection;
  /** The public buildings of the arrondissement whose energy the City follows. */
  buildings: BuildingConnection;
  /** DataCity challenges whose experiments this arrondissement hosts, by season then number. */
  challenges: ChallengeConnection;
  /** 1 to 20. */
  code: Scalars['Int']['output'];
  districts: Array<District>;
  /** Building stock and audited consumption; `measured` sums the readings within the window. */
  energy: ArrondissementEnergy;
  /** The boundary as a GeoJSON geometry (WGS 84). */
  geometry: Maybe<Scalars['JSONObject']['output']>;
  /** INSEE commune code, 75101 to 75120. */
  inseeCode: Scalars['String']['output'];
  /** The centroid. */
  location: Location;
  /** Usual name, e.g. "17ème Ardt". */
  name: Scalars['String']['output'];
  /** Official name, e.g. "Batignolles-Monceau". */
  officialName: Scalars['String']['output'];
  perimeterM: Maybe<Scalars['Float']['output']>;
  /** Resident population (INSEE legal population). */
  population: Maybe<Scalars['Int']['output']>;
  /** Year of the population figure. */
  populationYear: Maybe<Scalars['Int']['output']>;
  provenance: Provenance;
  surfaceM2: Maybe<Scalars['Float']['output']>;
  /** ParisCode courses taught in the arrondissement, by call year then course number. */
  trainingCourses: TrainingCourseConnection;
  waste: ArrondissementWasteSummary;
  /** Its waste stations, in id order (same filter as `Query.wasteStations`). */
  wasteStations: WasteStationConnection;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementAccompanimentStatsArgs = {
  fromYear: InputMaybe<Scalars['Int']['input']>;
  period?: AccompanimentStatsPeriod;
  toYear: InputMaybe<Scalars['Int']['input']>;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementBudgetProjectsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BudgetProjectCriteria>;
  first: InputMaybe<Scalars['Int']['input']>;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementBuildingsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BuildingCriteria>;
  first: InputMaybe<Scalars['Int']['input']>;
  orderBy?: BuildingOrder;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementChallengesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementEnergyArgs = {
  from: InputMaybe<Scalars['DateTime']['input']>;
  to: InputMaybe<Scalars['DateTime']['input']>;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementTrainingCoursesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingCourseFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


/** One of the 20 arrondissements of Paris. */
export type ArrondissementWasteStationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<WasteStationFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** The energy of an arrondissement's buildings. */
export type ArrondissementEnergy = {
  __typename?: 'ArrondissementEnergy';
  /** Audited annual final-energy consumption of all the buildings, kWh/yr. */
  annualConsumptionKwh: Scalars['Float']['output'];
  /** Floor-area-weighted audited intensity, kWh/m²/yr (annualConsumptionKwh / floorAreaM2). */
  averageIntensityKwhPerM2: Maybe<Scalars['Float']['output']>;
  buildingCount: Scalars['Int']['output'];
  /** How many buildings have each DPE class, A to G. */
  buildingsByEnergyClass: Array<EnergyClassCount>;
  /** Total heated floor area, m². */
  floorAreaM2: Scalars['Float']['output'];
  /** Readings over the window the summary was asked for; null when no meter reported in it. */
  measured: Maybe<MeasuredEnergy>;
  /** Buildings whose heating is supervised (they report readings). */
  supervisedBuildingCount: Scalars['Int']['output'];
  /** Floor area of the supervised buildings, m². */
  supervisedFloorAreaM2: Scalars['Float']['output'];
};

/** Sorting infrastructure of an arrondissement and how full it is. */
export type ArrondissementWasteSummary = {
  __typename?: 'ArrondissementWasteSummary';
  activeStations: Scalars['Int']['output'];
  /** Mean current fill level of every observed container (0–1). */
  averageFillingLevel: Maybe<Scalars['Float']['output']>;
  /** One entry per stream present, in stream order. */
  containers: Array<WasteStreamSummary>;
  /** Every station, whatever its status. */
  stations: Scalars['Int']['output'];
  stationsByCategory: Array<WasteStationCategoryCount>;
};

/** An elderly person using Paris en Compagnie (operators only). */
export type Beneficiary = {
  __typename?: 'Beneficiary';
  /** The person's requests, most recent `requestedFor` first. */
  accompanimentRequests: Maybe<AccompanimentRequestConnection>;
  /** Home arrondissement. */
  arrondissement: Maybe<Arrondissement>;
  birthYear: Maybe<Scalars['Int']['output']>;
  familyName: Maybe<Scalars['String']['output']>;
  givenName: Maybe<Scalars['String']['output']>;
  /** e.g. "BEN-00042". */
  id: Scalars['ID']['output'];
  /** Home. */
  location: Maybe<Location>;
  mobilityAid: Maybe<MobilityAid>;
  phone: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  provenance: Maybe<Provenance>;
  registeredAt: Maybe<Scalars['DateTime']['output']>;
  /** Street and number, e.g. "12 rue des Dames". */
  streetAddress: Maybe<Scalars['String']['output']>;
};


/** An elderly person using Paris en Compagnie (operators only). */
export type BeneficiaryAccompanimentRequestsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
};

export type BeneficiaryConnection = {
  __typename?: 'BeneficiaryConnection';
  edges: Array<BeneficiaryEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type BeneficiaryEdge = {
  __typename?: 'BeneficiaryEdge';
  cursor: Scalars['String']['output'];
  node: Beneficiary;
};

export type BeneficiaryFilter = {
  /** Home arrondissement, 1–20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** Around the home. */
  near: InputMaybe<NearInput>;
};

/** One yearly edition of the Participatory Budget (no 2020 edition was held). */
export type BudgetEdition = {
  __typename?: 'BudgetEdition';
  /** The edition’s winning projects, newest first. */
  projects: BudgetProjectConnection;
  provenance: Provenance;
  totals: BudgetEditionTotals;
  /** The most voted projects of the edition, most voted first. */
  voteTally: Array<BudgetVoteTally>;
  votes: BudgetVoteSummary;
  year: Scalars['Int']['output'];
};


/** One yearly edition of the Participatory Budget (no 2020 edition was held). */
export type BudgetEditionProjectsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BudgetProjectCriteria>;
  first: InputMaybe<Scalars['Int']['input']>;
};


/** One yearly edition of the Participatory Budget (no 2020 edition was held). */
export type BudgetEditionVoteTallyArgs = {
  first: InputMaybe<Scalars['Int']['input']>;
};

/** The winning projects of an edition, counted and summed. */
export type BudgetEditionTotals = {
  __typename?: 'BudgetEditionTotals';
  abandonedCount: Scalars['Int']['output'];
  /** Sum of the projects’ budgets, in euros. */
  budgetEuros: Scalars['Float']['output'];
  /** Projects delivered and closed (COMPLETED). */
  completedCount: Scalars['Int']['output'];
  projectCount: Scalars['Int']['output'];
  /** Projects in working-class neighbourhoods. */
  workingClassNeighbourhoodCount: Scalars['Int']['output'];
};

/** A winning project of the Paris Participatory Budget ("projet lauréat"). */
export type BudgetProject = {
  __typename?: 'BudgetProject';
  /** The address as published (Paris-wide projects: the Hôtel de Ville). */
  address: Maybe<Scalars['String']['output']>;
  /** The arrondissement of the project; null for Paris Centre projects, which belong to four (see `arrondissements`). */
  arrondissement: Maybe<Arrondissement>;
  /** Every arrondissement the project belongs to (1st–4th for Paris Centre). */
  arrondissements: Array<Arrondissement>;
  /** Global budget voted for the project, in euros. */
  budgetEuros: Scalars['Int']['output'];
  /** The public building (school, gymnasium, library...) the project renovates or equips, when its title names one. */
  building: Maybe<Building>;
  /** The edition (year of the vote) the project won. */
  edition: Scalars['Int']['output'];
  /** The edition the project won. */
  editionInfo: BudgetEdition;
  /** The city’s project identifier ("Identifiant du projet lauréat"). */
  id: Scalars['ID']['output'];
  /** "Direction pilote": the city department in charge. */
  leadDepartment: Maybe<Scalars['String']['output']>;
  /** Known when the export’s address is a town hall or the Hôtel de Ville (the export has addresses, not coordinates; town-hall positions are reference figures), and for generated projects. */
  location: Maybe<Location>;
  milestones: BudgetProjectMilestones;
  /** The code the city files the project under: 75001–75020, 75116, or 75123 for Paris Centre (1st–4th). */
  postalCode: Scalars['String']['output'];
  progress: BudgetProjectProgress;
  /** The winning project’s page, on decider.paris.fr. */
  projectUrl: Maybe<Scalars['String']['output']>;
  provenance: Provenance;
  scale: BudgetScale;
  /** The idea as submitted to the vote, on decider.paris.fr. */
  submittedIdeaUrl: Maybe<Scalars['String']['output']>;
  /** "Thématique", e.g. "Cadre de vie", "Education et jeunesse", "Environnement". */
  theme: Scalars['String']['output'];
  /** Null on the few rows the city published without a title. */
  title: Maybe<Scalars['String']['output']>;
  /** Ballots that chose this project. */
  votes: Scalars['Int']['output'];
  /** "Projet en Quartier populaire": in a working-class priority neighbourhood. */
  workingClassNeighbourhood: Scalars['Boolean']['output'];
};

export type BudgetProjectConnection = {
  __typename?: 'BudgetProjectConnection';
  edges: Array<BudgetProjectEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type BudgetProjectCriteria = {
  /** The edition (year), e.g. 2019. */
  edition: InputMaybe<Scalars['Int']['input']>;
  /** Only located projects within the radius. */
  near: InputMaybe<NearInput>;
  /** Any of these progress stages. */
  progress: InputMaybe<Array<BudgetProjectProgress>>;
  scale: InputMaybe<BudgetScale>;
  /** Exact "Thématique", e.g. "Environnement". */
  theme: InputMaybe<Scalars['String']['input']>;
  /** Words the title contains (case-insensitive). */
  titleContains: InputMaybe<Scalars['String']['input']>;
  workingClassNeighbourhood: InputMaybe<Scalars['Boolean']['input']>;
};

export type BudgetProjectEdge = {
  __typename?: 'BudgetProjectEdge';
  cursor: Scalars['String']['output'];
  node: BudgetProject;
};

export type BudgetProjectFilter = {
  /** 1–20. A Paris Centre project (filed under 75123 since the 1st–4th merged in 2020) matches each of 1, 2, 3 and 4: the residents of all four voted for it. Paris-wide projects are filed at the Hôtel de Ville (75004) and match 4; add `scale: ARRONDISSEMENT` to keep local projects only. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** The edition (year), e.g. 2019. */
  edition: InputMaybe<Scalars['Int']['input']>;
  /** Only located projects within the radius. */
  near: InputMaybe<NearInput>;
  /** Any of these progress stages. */
  progress: InputMaybe<Array<BudgetProjectProgress>>;
  scale: InputMaybe<BudgetScale>;
  /** Exact "Thématique", e.g. "Environnement". */
  theme: InputMaybe<Scalars['String']['input']>;
  /** Words the title contains (case-insensitive). */
  titleContains: InputMaybe<Scalars['String']['input']>;
  workingClassNeighbourhood: InputMaybe<Scalars['Boolean']['input']>;
};

/** Milestone months ("YYYY-MM", as the city publishes them); null when not reached or not published. */
export type BudgetProjectMilestones = {
  __typename?: 'BudgetProjectMilestones';
  /** Date d’ouverture au public. */
  openedToPublic: Maybe<Scalars['String']['output']>;
  /** Date prévisionnelle de livraison. */
  plannedDelivery: Maybe<Scalars['String']['output']>;
  /** Date de lancement des procédures. */
  proceduresStart: Maybe<Scalars['String']['output']>;
  /** Date de début des études. */
  studiesStart: Maybe<Scalars['String']['output']>;
  /** Date de lancement des travaux. */
  worksStart: Maybe<Scalars['String']['output']>;
};

/** Where a winning project stands ("Avancement du projet"). */
export type BudgetProjectProgress =
  /** "ABANDONNÉ" */
  | 'ABANDONED'
  /** "FIN": delivered and closed. */
  | 'COMPLETED'
  /** "LIVRAISON": being handed over. */
  | 'DELIVERY'
  /** "(non démarré)" */
  | 'NOT_STARTED'
  /** "PROCEDURES": tenders, permits, purchases. */
  | 'PROCEDURES'
  /** "ETUDES": design studies under way. */
  | 'STUDIES'
  /** "TRAVAUX": works under way. */
  | 'WORKS';

export type BudgetScale =
  /** "Budget participatif d’arrondissement" */
  | 'ARRONDISSEMENT'
  /** "Budget participatif parisien" */
  | 'PARIS_WIDE';

/** A ballot: the projects one citizen chose in one edition. */
export type BudgetVote = {
  __typename?: 'BudgetVote';
  castAt: Scalars['DateTime']['output'];
  edition: Scalars['Int']['output'];
  /** The caller’s ballot id: casting the same ballot again is a no-op. */
  id: Scalars['ID']['output'];
  /** The projects chosen on the ballot. */
  projects: Array<BudgetProject>;
};

/** The ballots of an edition. */
export type BudgetVoteSummary = {
  __typename?: 'BudgetVoteSummary';
  ballots: Scalars['Int']['output'];
  /** Ballots cast through `castVote`. */
  castBallots: Scalars['Int']['output'];
  /** Project choices over all ballots. */
  choices: Scalars['Int']['output'];
  /** Ballots generated by the seed (the city publishes no ballots). */
  generatedBallots: Scalars['Int']['output'];
};

/** How many ballots chose a project. */
export type BudgetVoteTally = {
  __typename?: 'BudgetVoteTally';
  edition: Scalars['Int']['output'];
  project: BudgetProject;
  projectId: Scalars['ID']['output'];
  votes: Scalars['Int']['output'];
};

/** A public building whose energy the City follows (FIWARE Building). */
export type Building = {
  __typename?: 'Building';
  /** The full postal address on one line. */
  address: Scalars['String']['output'];
  /** Audited annual final-energy consumption per m² (all uses), kWh/m²/yr. */
  annualConsumptionKwhPerM2: Scalars['Float']['output'];
  arrondissement: Arrondissement;
  category: BuildingCategory;
  constructionYear: Scalars['Int']['output'];
  /** The eco-district or urban project the building belongs to, if any. */
  district: Maybe<District>;
  energyClass: EnergyClass;
  /** Heated floor area, m². */
  floorAreaM2: Scalars['Float']['output'];
  /** Whether the heating is remotely supervised (1,500 buildings): only those meters report readings. */
  heatingSupervised: Scalars['Boolean']['output'];
  heatingSystem: HeatingSystem;
  /** `BAT-<arrondissement>-<number>`, e.g. "BAT-17-0042". */
  id: Scalars['ID']['output'];
  location: Location;
  /** Electricity and water always; a HEAT or GAS meter for the heating. */
  meters: Array<Meter>;
  name: Scalars['String']['output'];
  /** Who owns the building: "Ville de Paris", a social landlord... */
  owner: Scalars['String']['output'];
  performance: BuildingPerformance;
  /** e.g. "75017". */
  postalCode: Scalars['String']['output'];
  provenance: Provenance;
  /** Street address, e.g. "12 rue Legendre". */
  streetAddress: Scalars['String']['output'];
};


/** A public building whose energy the City follows (FIWARE Building). */
export type BuildingPerformanceArgs = {
  from: InputMaybe<Scalars['DateTime']['input']>;
  to: InputMaybe<Scalars['DateTime']['input']>;
};

/** SCHOOL: nursery or primary school; COLLEGE: collège; NURSERY: crèche; HOUSING: eco-district residences. */
export type BuildingCategory =
  | 'COLLEGE'
  | 'CONSERVATORY'
  | 'GYMNASIUM'
  | 'HOUSING'
  | 'LIBRARY'
  | 'MUSEUM'
  | 'NURSERY'
  | 'OFFICES'
  | 'SCHOOL'
  | 'SOCIAL_CENTRE'
  | 'SWIMMING_POOL'
  | 'TOWN_HALL';

export type BuildingConnection = {
  __typename?: 'BuildingConnection';
  edges: Array<BuildingEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A building's own characteristics; every given criterion must hold, an absent or empty list allows any value. */
export type BuildingCriteria = {
  category: InputMaybe<Array<BuildingCategory>>;
  energyClass: InputMaybe<Array<EnergyClass>>;
  heatingSystem: InputMaybe<Array<HeatingSystem>>;
  /** Only buildings whose heating is (or is not) supervised. */
  supervised: InputMaybe<Scalars['Boolean']['input']>;
};

export type BuildingEdge = {
  __typename?: 'BuildingEdge';
  cursor: Scalars['String']['output'];
  node: Building;
};

/** Which buildings to list: the criteria, plus where they are. */
export type BuildingFilter = {
  /** 1 to 20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  category: InputMaybe<Array<BuildingCategory>>;
  /** A territory District id, e.g. "clichy-batignolles". */
  districtId: InputMaybe<Scalars['ID']['input']>;
  energyClass: InputMaybe<Array<EnergyClass>>;
  heatingSystem: InputMaybe<Array<HeatingSystem>>;
  near: InputMaybe<NearInput>;
  /** Only buildings whose heating is (or is not) supervised. */
  supervised: InputMaybe<Scalars['Boolean']['input']>;
};

/** ID: by id, i.e. by arrondissement then number; CONSUMPTION_INTENSITY: highest kWh/m² first (renovation targets); FLOOR_AREA: largest first. */
export type BuildingOrder =
  | 'CONSUMPTION_INTENSITY'
  | 'FLOOR_AREA'
  | 'ID';

/** A building's audited annual performance and what its meters measured. */
export type BuildingPerformance = {
  __typename?: 'BuildingPerformance';
  /** Audited annual final-energy consumption, kWh/yr. */
  annualConsumptionKwh: Scalars['Float']['output'];
  /** Audited annual final-energy intensity, kWh/m²/yr. */
  annualConsumptionKwhPerM2: Scalars['Float']['output'];
  energyClass: EnergyClass;
  /** Readings over the window the summary was asked for; null when no meter reported in it. */
  measured: Maybe<MeasuredEnergy>;
};

export type CancelAccompanimentRequestInput = {
  id: Scalars['ID']['input'];
  reason: AccompanimentCancellationReason;
};

/** One citizen’s ballot in one edition. */
export type CastVoteInput = {
  /** The voter, as the voting platform identifies them. Never exposed. */
  citizenId: Scalars['ID']['input'];
  edition: Scalars['Int']['input'];
  /** Up to 4 Paris-wide and 4 arrondissement projects of that edition, each once. */
  projectIds: Array<Scalars['ID']['input']>;
  /** Chosen by the caller, unique per ballot: retrying with the same id is safe. */
  voteId: Scalars['ID']['input'];
};

export type CastVotePayload = {
  __typename?: 'CastVotePayload';
  /** True when this ballot had already been recorded (a retry): nothing changed. */
  replayed: Scalars['Boolean']['output'];
  vote: BudgetVote;
};

/** A DataCity open-innovation challenge: a problem posed by a City of Paris department and corporate partners, solved by start-ups through experiments on real sites (public buildings, Trilib' stations). */
export type Challenge = {
  __typename?: 'Challenge';
  /** The arrondissement hosting the experiments. */
  arrondissement: Arrondissement;
  /** The City of Paris department (direction) that posed the challenge. */
  cityDepartment: Scalars['String']['output'];
  /** The problem as the city states it. */
  description: Scalars['String']['output'];
  /** Chronologically. */
  experiments: Array<Experiment>;
  /** Season and number, e.g. "DC-2017-04". */
  id: Scalars['ID']['output'];
  /** The day the call for solutions opened. */
  launchDate: Scalars['LocalDate']['output'];
  /** Where the experiments take place (the main site). */
  location: Location;
  /** The corporate partners that co-sponsored the challenge. */
  partners: Array<Scalars['String']['output']>;
  provenance: Provenance;
  /** The DataCity edition (season) that issued it, from 2016. */
  season: Scalars['Int']['output'];
  /** The public buildings and Trilib' stations opened to the experiments. */
  sites: Array<ChallengeSite>;
  /** The start-ups the jury selected, in selection order. */
  startups: Array<Startup>;
  status: ChallengeStatus;
  theme: ChallengeTheme;
  title: Scalars['String']['output'];
};

export type ChallengeConnection = {
  __typename?: 'ChallengeConnection';
  edges: Array<ChallengeEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ChallengeEdge = {
  __typename?: 'ChallengeEdge';
  cursor: Scalars['String']['output'];
  node: Challenge;
};

/** Every given criterion must hold. */
export type ChallengeFilter = {
  /** The arrondissement hosting the experiments (1–20). */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** Challenges whose main site lies within the radius. */
  near: InputMaybe<NearInput>;
  /** A corporate partner, exactly as listed in `partners`. */
  partner: InputMaybe<Scalars['String']['input']>;
  /** The DataCity season (edition year), from 2016. */
  season: InputMaybe<Scalars['Int']['input']>;
  status: InputMaybe<ChallengeStatus>;
  theme: InputMaybe<ChallengeTheme>;
};

/** A place the city opened to a challenge's experiments. */
export type ChallengeSite = {
  __typename?: 'ChallengeSite';
  arrondissement: Arrondissement;
  /** The public building, when the site is one. */
  building: Maybe<Building>;
  challenge: Challenge;
  /** Chronologically. */
  experiments: Array<Experiment>;
  /** The challenge id and a number, e.g. "DC-2017-04-S2". */
  id: Scalars['ID']['output'];
  kind: ChallengeSiteKind;
  /** Where the experiment equipment stands, as recorded by DataCity. */
  location: Location;
  provenance: Provenance;
  /** The station, when the site is one. */
  wasteStation: Maybe<WasteStation>;
};

/** WASTE_STATION: a Trilib' station (see `wasteStation`); PUBLIC_BUILDING: a city building (see `building`). */
export type ChallengeSiteKind =
  | 'PUBLIC_BUILDING'
  | 'WASTE_STATION';

/** OPEN: call for solutions, no start-up selected yet; EXPERIMENTING: selected start-ups are testing on site; COMPLETED: every experiment has ended with an outcome. */
export type ChallengeStatus =
  | 'COMPLETED'
  | 'EXPERIMENTING'
  | 'OPEN';

/** The urban issue a DataCity challenge addresses. */
export type ChallengeTheme =
  | 'AIR_QUALITY'
  | 'ENERGY'
  | 'MOBILITY'
  | 'PUBLIC_SPACE'
  | 'WASTE'
  | 'WATER';

/** A catalog entry (DCAT-AP 3): what the dataset is, where it comes from, how to download it. */
export type Dataset = {
  __typename?: 'Dataset';
  /** continuous, daily, annual or irregular. */
  accrualPeriodicity: Scalars['String']['output'];
  columns: Array<DatasetColumn>;
  contactPoint: DatasetAgent;
  description: Scalars['String']['output'];
  distributions: Array<DatasetDistribution>;
  /** Query parameters the exports accept, named like the GraphQL filters. */
  filters: Array<Scalars['String']['output']>;
  /** Scale of the generator, for generated data. */
  generatorScale: Maybe<Scalars['Float']['output']>;
  /** Seed of the generator, for generated data. */
  generatorSeed: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  keywords: Array<Scalars['String']['output']>;
  license: DatasetLicense;
  modified: Maybe<Scalars['DateTime']['output']>;
  /** OPEN_DATA, REFERENCE, GENERATED or MIXED. */
  provenance: Scalars['String']['output'];
  publisher: DatasetAgent;
  /** Rows in the dataset now (an exact count). */
  rowCount: Scalars['Int']['output'];
  /** The files or generators the rows come from. */
  sources: Array<Scalars['String']['output']>;
  /** Spatial coverage. */
  spatialCoverage: Scalars['String']['output'];
  /** First and last time in the data. */
  temporalCoverage: Maybe<TemporalCoverage>;
  /** EU data themes (ENER, ENVI, REGI, GOVE, SOCI, EDUC, TECH, TRAN, ECON). */
  themes: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** Changes whenever the data is re-imported or re-generated. */
  version: Scalars['String']['output'];
};

/** A DCAT-AP agent: publisher or contact point. */
export type DatasetAgent = {
  __typename?: 'DatasetAgent';
  email: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  url: Maybe<Scalars['String']['output']>;
};

export type DatasetColumn = {
  __typename?: 'DatasetColumn';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** text, integer, bigint, double, boolean, timestamp, date or json. */
  type: Scalars['String']['output'];
};

/** One downloadable form of a dataset (DCAT distribution). */
export type DatasetDistribution = {
  __typename?: 'DatasetDistribution';
  /** csv, ndjson, geojson or parquet. */
  format: Scalars['String']['output'];
  mediaType: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type DatasetFilter = {
  /** A keyword, matched case-insensitively. */
  keyword: InputMaybe<Scalars['String']['input']>;
  /** An EU data theme, e.g. ENER. */
  theme: InputMaybe<Scalars['String']['input']>;
};

export type DatasetLicense = {
  __typename?: 'DatasetLicense';
  name: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** A neighbourhood or urban project, such as the Clichy-Batignolles eco-district. */
export type District = {
  __typename?: 'District';
  arrondissement: Arrondissement;
  /** The buildings of the district (the CoRDEES perimeter for Clichy-Batignolles). */
  buildings: BuildingConnection;
  description: Maybe<Scalars['String']['output']>;
  /** Building stock and audited consumption; `measured` sums the readings within the window. */
  energy: DistrictEnergy;
  /** A stable slug, e.g. "clichy-batignolles". */
  id: Scalars['ID']['output'];
  /** ECO_DISTRICT, URBAN_PROJECT, ... */
  kind: Scalars['String']['output'];
  location: Location;
  name: Scalars['String']['output'];
  provenance: Provenance;
  /** Year the project started. */
  startYear: Maybe<Scalars['Int']['output']>;
  surfaceM2: Maybe<Scalars['Float']['output']>;
};


/** A neighbourhood or urban project, such as the Clichy-Batignolles eco-district. */
export type DistrictBuildingsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BuildingCriteria>;
  first: InputMaybe<Scalars['Int']['input']>;
  orderBy?: BuildingOrder;
};


/** A neighbourhood or urban project, such as the Clichy-Batignolles eco-district. */
export type DistrictEnergyArgs = {
  from: InputMaybe<Scalars['DateTime']['input']>;
  to: InputMaybe<Scalars['DateTime']['input']>;
};

/** The energy of a district's buildings (e.g. the CoRDEES perimeter). */
export type DistrictEnergy = {
  __typename?: 'DistrictEnergy';
  /** Audited annual final-energy consumption of all the buildings, kWh/yr. */
  annualConsumptionKwh: Scalars['Float']['output'];
  /** Floor-area-weighted audited intensity, kWh/m²/yr (annualConsumptionKwh / floorAreaM2). */
  averageIntensityKwhPerM2: Maybe<Scalars['Float']['output']>;
  buildingCount: Scalars['Int']['output'];
  /** How many buildings have each DPE class, A to G. */
  buildingsByEnergyClass: Array<EnergyClassCount>;
  /** Total heated floor area, m². */
  floorAreaM2: Scalars['Float']['output'];
  /** Readings over the window the summary was asked for; null when no meter reported in it. */
  measured: Maybe<MeasuredEnergy>;
  /** Buildings whose heating is supervised (they report readings). */
  supervisedBuildingCount: Scalars['Int']['output'];
  /** Floor area of the supervised buildings, m². */
  supervisedFloorAreaM2: Scalars['Float']['output'];
};

export type DistrictFilter = {
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** ECO_DISTRICT, URBAN_PROJECT, ... */
  kind: InputMaybe<Scalars['String']['input']>;
};

/** The heating load of a district’s supervised buildings over one interval. */
export type DistrictLoadEvent = {
  __typename?: 'DistrictLoadEvent';
  district: District;
  /** The end of the interval in Unix seconds: give it as `after` to receive every later interval, then live ones. */
  eventId: Scalars['ID']['output'];
  /** Start of the interval (exclusive). */
  from: Scalars['DateTime']['output'];
  intervalSeconds: Scalars['Int']['output'];
  /** Sum over the energy meters of the mean power they reported, kW. An interval shorter than the 15-minute reading period looks back one period, so every meter’s latest reading counts. */
  powerKw: Scalars['Float']['output'];
  /** Energy meters that reported a power in the interval. */
  reportingMeters: Scalars['Int']['output'];
  /** Buildings of the district with supervised heating. */
  supervisedBuildings: Scalars['Int']['output'];
  /** End of the interval (inclusive). */
  to: Scalars['DateTime']['output'];
};

/** DPE class from the annual final-energy intensity: A ≤ 70, B ≤ 110, C ≤ 180, D ≤ 250, E ≤ 330, F ≤ 420, G above (kWh/m²/yr). */
export type EnergyClass =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G';

export type EnergyClassCount = {
  __typename?: 'EnergyClassCount';
  count: Scalars['Int']['output'];
  energyClass: EnergyClass;
};

/** Readings aggregated over one calendar bucket (server-side, in SQL). */
export type EnergyConsumptionBucket = {
  __typename?: 'EnergyConsumptionBucket';
  /** Mean of the 15-minute readings, kWh. */
  averageKwh: Scalars['Float']['output'];
  /** Energy intensity: total over the heated floor area of the buildings in scope, kWh/m². */
  intensityKwhPerM2: Maybe<Scalars['Float']['output']>;
  /** Largest 15-minute reading, kWh. */
  maximumKwh: Scalars['Float']['output'];
  /** Smallest 15-minute reading, kWh. */
  minimumKwh: Scalars['Float']['output'];
  /** Highest average power over one interval, kW. */
  peakPowerKw: Maybe<Scalars['Float']['output']>;
  /** How many readings the bucket holds. */
  readings: Scalars['Int']['output'];
  /** Start of the bucket (Paris calendar). */
  start: Scalars['DateTime']['output'];
  /** Energy over the bucket, kWh. */
  totalKwh: Scalars['Float']['output'];
};

/** What to aggregate: at most one scope (none: the whole city), a time range and a bucket size. */
export type EnergyConsumptionInput = {
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  buildingId: InputMaybe<Scalars['ID']['input']>;
  districtId: InputMaybe<Scalars['ID']['input']>;
  from: Scalars['DateTime']['input'];
  granularity: Granularity;
  /** Energy meters only (HEAT, ELECTRICITY, GAS); all three by default. */
  kinds: InputMaybe<Array<MeterKind>>;
  meterId: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};

/** A meter reading, in the order it was stored. */
export type EnergyReadingEvent = {
  __typename?: 'EnergyReadingEvent';
  /** Position in the reading stream: give it as `after` to resume right after this event. */
  eventId: Scalars['ID']['output'];
  reading: MeterReading;
};

/** A selected start-up testing its solution to a challenge on one site. */
export type Experiment = {
  __typename?: 'Experiment';
  /** The arrondissement of the site. */
  arrondissement: Arrondissement;
  challenge: Challenge;
  /** The actual end, or the planned end while the experiment runs. */
  endDate: Scalars['LocalDate']['output'];
  /** The challenge id and a number, e.g. "DC-2017-04-E3". */
  id: Scalars['ID']['output'];
  /** The indicators the experiment is judged on. */
  kpis: Array<ExperimentKpi>;
  /** The location of the site. */
  location: Location;
  /** Null while the experiment runs. */
  outcome: Maybe<ExperimentOutcome>;
  provenance: Provenance;
  site: ChallengeSite;
  startDate: Scalars['LocalDate']['output'];
  startup: Startup;
};

export type ExperimentConnection = {
  __typename?: 'ExperimentConnection';
  edges: Array<ExperimentEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type ExperimentEdge = {
  __typename?: 'ExperimentEdge';
  cursor: Scalars['String']['output'];
  node: Experiment;
};

/** Every given criterion must hold. */
export type ExperimentFilter = {
  /** The arrondissement of the experiment site (1–20). */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  challenge: InputMaybe<Scalars['ID']['input']>;
  outcome: InputMaybe<ExperimentOutcome>;
  /** true: only experiments still running (no outcome yet). */
  running: InputMaybe<Scalars['Boolean']['input']>;
  startup: InputMaybe<Scalars['ID']['input']>;
};

/** A key performance indicator agreed before the experiment started. */
export type ExperimentKpi = {
  __typename?: 'ExperimentKpi';
  /** The value on site before the experiment. */
  baseline: Scalars['Float']['output'];
  /** Whether a higher value is an improvement (e.g. a sorting rate). */
  higherIsBetter: Scalars['Boolean']['output'];
  /** The value measured at the end; null while the experiment runs. */
  measured: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** The value the start-up committed to reach. */
  target: Scalars['Float']['output'];
  /** Whether the measured value reached the target; null while running. */
  targetMet: Maybe<Scalars['Boolean']['output']>;
  unit: Scalars['String']['output'];
};

/** The verdict at the end of an experiment: DEPLOYED (the city adopts the solution), EXTENDED (a longer or wider trial), STOPPED (not pursued). */
export type ExperimentOutcome =
  | 'DEPLOYED'
  | 'EXTENDED'
  | 'STOPPED';

/** One fill level a sensor reported for a container. */
export type FillingLevelObservation = {
  __typename?: 'FillingLevelObservation';
  container: WasteContainer;
  /** 0 to 1. */
  fillingLevel: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  observedAt: Scalars['DateTime']['output'];
  provenance: Provenance;
  /** When the platform (or the source) received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** The sensor’s own id of the report (`reportFillLevel`); null for imported history. */
  reportId: Maybe<Scalars['ID']['output']>;
};

export type FillingLevelObservationConnection = {
  __typename?: 'FillingLevelObservationConnection';
  edges: Array<FillingLevelObservationEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type FillingLevelObservationEdge = {
  __typename?: 'FillingLevelObservationEdge';
  cursor: Scalars['String']['output'];
  node: FillingLevelObservation;
};

/** Calendar buckets, in Paris time. */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** DISTRICT_HEATING: the CPCU steam network; GEOTHERMAL_NETWORK: the Clichy-Batignolles geothermal loop; HEAT_PUMP and ELECTRIC heat through the electricity meter. */
export type HeatingSystem =
  | 'DISTRICT_HEATING'
  | 'ELECTRIC'
  | 'GAS_BOILER'
  | 'GEOTHERMAL_NETWORK'
  | 'HEAT_PUMP';

/** A WGS 84 point. */
export type Location = {
  __typename?: 'Location';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

/** Readings summed over a window (only supervised buildings report readings). */
export type MeasuredEnergy = {
  __typename?: 'MeasuredEnergy';
  /** Final energy, kWh: heat + gas + electricity. */
  consumptionKwh: Scalars['Float']['output'];
  electricityKwh: Scalars['Float']['output'];
  /** The first interval counted (its end). */
  firstObservedAt: Scalars['DateTime']['output'];
  gasKwh: Scalars['Float']['output'];
  /** From HEAT meters (district heating, geothermal network). */
  heatKwh: Scalars['Float']['output'];
  /** consumptionKwh per m² of the metered (supervised) floor area. */
  intensityKwhPerM2: Maybe<Scalars['Float']['output']>;
  /** How many distinct 15-minute intervals were counted. */
  intervalCount: Scalars['Int']['output'];
  /** The last interval counted (its end). */
  lastObservedAt: Scalars['DateTime']['output'];
  /** Highest 15-minute mean power of all energy meters together, kW. */
  peakPowerKw: Scalars['Float']['output'];
  waterM3: Scalars['Float']['output'];
};

/** A utility meter of a building (FIWARE Device, category meter). */
export type Meter = {
  __typename?: 'Meter';
  building: Building;
  /** `<building id>-<kind>`, e.g. "BAT-17-0042-HEAT". */
  id: Scalars['ID']['output'];
  kind: MeterKind;
  latestReading: Maybe<MeterReading>;
  provenance: Provenance;
  /** 15-minute readings in chronological order; empty for meters of unsupervised buildings. */
  readings: MeterReadingConnection;
  /** "kWh" for energy meters, "m³" for water meters. */
  unit: Scalars['String']['output'];
};


/** A utility meter of a building (FIWARE Device, category meter). */
export type MeterReadingsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  from: InputMaybe<Scalars['DateTime']['input']>;
  to: InputMaybe<Scalars['DateTime']['input']>;
};

export type MeterKind =
  | 'ELECTRICITY'
  | 'GAS'
  | 'HEAT'
  | 'WATER';

/** What a meter counted over the 15 minutes ending at `observedAt`. */
export type MeterReading = {
  __typename?: 'MeterReading';
  meter: Meter;
  meterId: Scalars['ID']['output'];
  /** End of the interval. */
  observedAt: Scalars['DateTime']['output'];
  /** Mean power over the interval, kW (energy meters only). */
  power: Maybe<Scalars['Float']['output']>;
  provenance: Provenance;
  /** The id its sender gave it (`recordMeterReadings`); null for generated and imported readings. */
  readingId: Maybe<Scalars['ID']['output']>;
  /** Consumption over the interval, in the meter unit (kWh or m³). */
  value: Scalars['Float']['output'];
};

export type MeterReadingConnection = {
  __typename?: 'MeterReadingConnection';
  edges: Array<MeterReadingEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MeterReadingEdge = {
  __typename?: 'MeterReadingEdge';
  cursor: Scalars['String']['output'];
  node: MeterReading;
};

/** What a meter counted over the interval ending at `observedAt`. */
export type MeterReadingInput = {
  meterId: Scalars['ID']['input'];
  /** End of the interval; not in the future. */
  observedAt: Scalars['DateTime']['input'];
  /** Mean power over the interval in kW, ≥ 0 (energy meters only). */
  power: InputMaybe<Scalars['Float']['input']>;
  /** The sender’s unique id for this reading: sending it again stores nothing twice. */
  readingId: Scalars['ID']['input'];
  /** Consumption over the interval in the meter unit (kWh or m³), ≥ 0. */
  value: Scalars['Float']['input'];
};

/** An accepted accompaniment request, from the side of its volunteer. */
export type Mission = {
  __typename?: 'Mission';
  acceptedAt: Scalars['DateTime']['output'];
  /** The pickup arrondissement. */
  arrondissement: Arrondissement;
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** How to reach the person: for the assigned volunteer while the mission is underway, and operators. */
  contact: Maybe<MissionContact>;
  durationMinutes: Scalars['Int']['output'];
  /** The id of the accompaniment request. */
  id: Scalars['ID']['output'];
  /** The exact pickup point (the assigned volunteer and operators). */
  meetingPoint: Maybe<Location>;
  purpose: AccompanimentPurpose;
  /** The request, with its own access rules. */
  request: AccompanimentRequest;
  requestedFor: Scalars['DateTime']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: AccompanimentStatus;
  transportMode: AccompanimentTransportMode;
  /** Operators only. */
  volunteer: Maybe<Volunteer>;
};

export type MissionConnection = {
  __typename?: 'MissionConnection';
  edges: Array<MissionEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MissionContact = {
  __typename?: 'MissionContact';
  givenName: Scalars['String']['output'];
  phone: Scalars['String']['output'];
};

export type MissionEdge = {
  __typename?: 'MissionEdge';
  cursor: Scalars['String']['output'];
  node: Mission;
};

/** What the person walks with (the volunteer plans the route with it). */
export type MobilityAid =
  | 'CANE'
  | 'NONE'
  | 'WALKER'
  | 'WHEELCHAIR';

export type Mutation = {
  __typename?: 'Mutation';
  /** Takes an open request. Exactly one volunteer wins when several accept at once; the others get CONFLICT. Accepting again a request one already holds returns the mission (safe retry). */
  acceptAccompanimentRequest: Mission;
  /** Cancels a request that is not completed yet; cancelling it again returns it unchanged. */
  cancelAccompanimentRequest: AccompanimentRequest;
  /** Records a ballot: one per citizen and edition, idempotent on `voteId`, all or nothing. Operators only. */
  castVote: CastVotePayload;
  /** The person is back home: IN_PROGRESS -> COMPLETED (idempotent). */
  completeMission: Mission;
  /** Records a collection and empties the stream’s containers (idempotent on `collectionId`). */
  recordCollection: WasteCollection;
  /** Stores up to 1,000 readings, all or none (idempotent on each `readingId`: a replay stores nothing twice). */
  recordMeterReadings: RecordMeterReadingsPayload;
  /** Records a fill level (idempotent on `reportId`: a replay returns the stored observation). */
  reportFillLevel: FillingLevelObservation;
  /** Records a request taken on the free phone line; retrying with the same `clientRequestId` is safe. */
  requestAccompaniment: AccompanimentRequest;
  /** The volunteer has met the person: ACCEPTED -> IN_PROGRESS (idempotent). */
  startMission: Mission;
};


export type MutationAcceptAccompanimentRequestArgs = {
  id: Scalars['ID']['input'];
  volunteerId: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCancelAccompanimentRequestArgs = {
  input: CancelAccompanimentRequestInput;
};


export type MutationCastVoteArgs = {
  input: CastVoteInput;
};


export type MutationCompleteMissionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordCollectionArgs = {
  input: RecordCollectionInput;
};


export type MutationRecordMeterReadingsArgs = {
  input: RecordMeterReadingsInput;
};


export type MutationReportFillLevelArgs = {
  input: ReportFillLevelInput;
};


export type MutationRequestAccompanimentArgs = {
  input: RequestAccompanimentInput;
};


export type MutationStartMissionArgs = {
  id: Scalars['ID']['input'];
};

/** Everything within `radiusMeters` (great-circle distance) of a point. */
export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** 1 to 50000 metres. */
  radiusMeters: Scalars['Float']['input'];
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** OPEN_DATA: imported from opendata.paris.fr (ODbL); REFERENCE: published figures; GENERATED: synthetic, seeded and reproducible. */
export type Provenance =
  | 'GENERATED'
  | 'OPEN_DATA'
  | 'REFERENCE';

export type Query = {
  __typename?: 'Query';
  /** One request: any for operators; for a volunteer, an open one or one they accepted (else null). */
  accompanimentRequest: Maybe<AccompanimentRequest>;
  /** Every accompaniment request (operators), most recent `requestedFor` first. */
  accompanimentRequests: AccompanimentRequestConnection;
  /** Public aggregates of Paris en Compagnie per arrondissement and closed month or year (YEAR by default), ordered by arrondissement then period. Cells with small counts are suppressed. */
  accompanimentStats: Array<AccompanimentStatsCell>;
  arrondissement: Maybe<Arrondissement>;
  /** The arrondissement containing a point, if it is in Paris. */
  arrondissementAt: Maybe<Arrondissement>;
  /** The 20 arrondissements, in order. */
  arrondissements: Array<Arrondissement>;
  /** Registered beneficiaries (operators), in the order they registered. */
  beneficiaries: BeneficiaryConnection;
  beneficiary: Maybe<Beneficiary>;
  budgetEdition: Maybe<BudgetEdition>;
  /** Every edition, oldest first. */
  budgetEditions: Array<BudgetEdition>;
  budgetProject: Maybe<BudgetProject>;
  /** Winning projects of the Participatory Budget, most recent edition first, then newest project first. */
  budgetProjects: BudgetProjectConnection;
  building: Maybe<Building>;
  /** Public buildings whose energy the City follows, by id (arrondissement, then number) unless `orderBy` says otherwise. */
  buildings: BuildingConnection;
  challenge: Maybe<Challenge>;
  /** DataCity challenges, by season then number within the season. */
  challenges: ChallengeConnection;
  dataset: Maybe<Dataset>;
  /** The catalog of every dataset, with licence, provenance and distributions. */
  datasets: Array<Dataset>;
  district: Maybe<District>;
  /** Districts and urban projects (eco-districts first of all). */
  districts: Array<District>;
  /** Consumption per hour, day, week or month of a building, meter, district, arrondissement or the whole city: sum, mean, min, max, peak power and kWh/m², aggregated in the database. */
  energyConsumption: Array<EnergyConsumptionBucket>;
  experiment: Maybe<Experiment>;
  /** DataCity experiments, chronologically (start date, then id). */
  experiments: ExperimentConnection;
  meter: Maybe<Meter>;
  /** The calling volunteer's missions (their token's subject is their volunteer id), most recent first. */
  myMissions: MissionConnection;
  /** Requests waiting for a volunteer around a point, soonest first. They show the approximate (~200 m) pickup point and no identity; `near` is matched against that approximate point. */
  openAccompanimentRequests: AccompanimentRequestConnection;
  startup: Maybe<Startup>;
  /** Start-ups that applied to DataCity, alphabetically. */
  startups: StartupConnection;
  trainingCallForProjects: Maybe<TrainingCallForProjects>;
  /** ParisCode's calls for projects, oldest first. */
  trainingCallsForProjects: Array<TrainingCallForProjects>;
  trainingCourse: Maybe<TrainingCourse>;
  /** ParisCode courses, by call year then course number (the order of their ids). */
  trainingCourses: TrainingCourseConnection;
  /** Trainees, success and employment six months after, per year the cohorts started (oldest first); `year` keeps one year, `filter` some courses. */
  trainingOutcomes: Array<TrainingOutcomes>;
  trainingProvider: Maybe<TrainingProvider>;
  /** Organisations running ParisCode courses, in alphabetical order. */
  trainingProviders: TrainingProviderConnection;
  trainingSponsor: Maybe<TrainingSponsor>;
  /** ParisCode sponsors, in alphabetical order. */
  trainingSponsors: TrainingSponsorConnection;
  volunteer: Maybe<Volunteer>;
  /** Registered volunteers (operators), in the order they joined. */
  volunteers: VolunteerConnection;
  /** The most voted projects of an edition, most voted first (ties by id). */
  voteTally: Array<BudgetVoteTally>;
  wasteStation: Maybe<WasteStation>;
  /** Trilib' stations, glass columns and Tri Mobile stops, by arrondissement then id. E.g. free glass capacity within 500 m: `filter: { near: { latitude, longitude, radiusMeters: 500 }, hasCapacityFor: GLASS }`. */
  wasteStations: WasteStationConnection;
};


export type QueryAccompanimentRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccompanimentRequestsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<AccompanimentRequestFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAccompanimentStatsArgs = {
  filter: InputMaybe<AccompanimentStatsFilter>;
};


export type QueryArrondissementArgs = {
  code: Scalars['Int']['input'];
};


export type QueryArrondissementAtArgs = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};


export type QueryBeneficiariesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BeneficiaryFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBeneficiaryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBudgetEditionArgs = {
  year: Scalars['Int']['input'];
};


export type QueryBudgetProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBudgetProjectsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BudgetProjectFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBuildingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBuildingsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<BuildingFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  orderBy?: BuildingOrder;
};


export type QueryChallengeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryChallengesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ChallengeFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDatasetsArgs = {
  filter: InputMaybe<DatasetFilter>;
};


export type QueryDistrictArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDistrictsArgs = {
  filter: InputMaybe<DistrictFilter>;
};


export type QueryEnergyConsumptionArgs = {
  filter: EnergyConsumptionInput;
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ExperimentFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMeterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMyMissionsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  status: InputMaybe<AccompanimentStatus>;
};


export type QueryOpenAccompanimentRequestsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  near: NearInput;
};


export type QueryStartupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStartupsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<StartupFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrainingCallForProjectsArgs = {
  year: Scalars['Int']['input'];
};


export type QueryTrainingCourseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingCoursesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingCourseFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrainingOutcomesArgs = {
  filter: InputMaybe<TrainingCourseFilter>;
  year: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrainingProviderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingProvidersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingProviderFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrainingSponsorArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingSponsorsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingSponsorFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryVolunteerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVolunteersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<VolunteerFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryVoteTallyArgs = {
  edition: Scalars['Int']['input'];
  first: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWasteStationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWasteStationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<WasteStationFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** A collection round that emptied the containers of one stream at a station. */
export type RecordCollectionInput = {
  /** When the containers were emptied; not in the future. */
  collectedAt: Scalars['DateTime']['input'];
  /** The operator’s unique id for this collection: sending it again stores nothing twice. */
  collectionId: Scalars['ID']['input'];
  stationId: Scalars['ID']['input'];
  stream: WasteStream;
  /** Weight collected, in kilograms. */
  weightKg: Scalars['Float']['input'];
};

/** A batch of readings, stored all together or not at all. */
export type RecordMeterReadingsInput = {
  /** From 1 to 1,000 readings. */
  readings: Array<MeterReadingInput>;
};

/** The outcome of a batch of readings. */
export type RecordMeterReadingsPayload = {
  __typename?: 'RecordMeterReadingsPayload';
  /** Every reading of the batch as stored, in the order sent. */
  readings: Array<MeterReading>;
  /** Readings stored by this call. */
  recorded: Scalars['Int']['output'];
  /** Readings already stored under their `readingId` (a replay): left as they were. */
  replayed: Scalars['Int']['output'];
};

/** A fill level measured by a container’s sensor. */
export type ReportFillLevelInput = {
  /** The container (its sensor serial number): needed only where the station has several containers of the stream. */
  containerId: InputMaybe<Scalars['ID']['input']>;
  /** 0 (empty) to 1 (full). */
  fillingLevel: Scalars['Float']['input'];
  /** When it was measured; not in the future. */
  observedAt: Scalars['DateTime']['input'];
  /** The sensor’s unique id for this report: sending it again stores nothing twice. */
  reportId: Scalars['ID']['input'];
  stationId: Scalars['ID']['input'];
  stream: WasteStream;
};

export type RequestAccompanimentInput = {
  beneficiaryId: Scalars['ID']['input'];
  /** A key the client chooses once per request: retrying with the same key returns the same request. */
  clientRequestId: Scalars['ID']['input'];
  /** 15 to 480 minutes. */
  durationMinutes: Scalars['Int']['input'];
  /** Defaults to the beneficiary's home. */
  pickup: InputMaybe<AccompanimentPickupInput>;
  purpose: AccompanimentPurpose;
  /** In the future, at most 180 days ahead. */
  requestedFor: Scalars['DateTime']['input'];
  transportMode: AccompanimentTransportMode;
};

/** A start-up that applied to DataCity; the selected ones run experiments. */
export type Startup = {
  __typename?: 'Startup';
  /** The arrondissement of the head office. */
  arrondissement: Arrondissement;
  /** The challenges the start-up was selected for, by season. */
  challenges: Array<Challenge>;
  /** What the start-up offers, in one sentence. */
  description: Scalars['String']['output'];
  /** Head count. */
  employees: Scalars['Int']['output'];
  /** Chronologically. */
  experiments: Array<Experiment>;
  foundedYear: Scalars['Int']['output'];
  /** "startup-001" onwards. */
  id: Scalars['ID']['output'];
  /** The Paris head office. */
  location: Location;
  name: Scalars['String']['output'];
  provenance: Provenance;
  sector: StartupSector;
  /** ParisCode courses this start-up sponsors. */
  sponsoredCourses: Array<TrainingCourse>;
  /** ParisCode trainees this start-up hired (0 if none). */
  traineesHired: Maybe<Scalars['Int']['output']>;
  website: Maybe<Scalars['String']['output']>;
};

export type StartupConnection = {
  __typename?: 'StartupConnection';
  edges: Array<StartupEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type StartupEdge = {
  __typename?: 'StartupEdge';
  cursor: Scalars['String']['output'];
  node: Startup;
};

/** Every given criterion must hold. */
export type StartupFilter = {
  /** The arrondissement of the head office (1–20). */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** Founded in this year. */
  foundedYear: InputMaybe<Scalars['Int']['input']>;
  /** Start-ups whose head office lies within the radius. */
  near: InputMaybe<NearInput>;
  sector: InputMaybe<StartupSector>;
  /** true: only start-ups selected for at least one challenge; false: only applicants never selected. */
  selected: InputMaybe<Scalars['Boolean']['input']>;
};

/** The market a start-up works in. */
export type StartupSector =
  | 'CIRCULAR_ECONOMY'
  | 'CIVIC_TECH'
  | 'CONSTRUCTION'
  | 'DATA_AI'
  | 'ENERGY'
  | 'IOT_SENSORS'
  | 'MOBILITY'
  | 'WATER';

export type Subscription = {
  __typename?: 'Subscription';
  /** Every lifecycle step of requests (operators), or of the calling volunteer’s own missions; durable and resumable with `after`. */
  accompanimentRequestChanged: AccompanimentRequestEvent;
  /** Requests opened around a point (volunteers and operators), durable and resumable with `after`. Volunteers see the approximate location and no identity, as in `openAccompanimentRequests`. */
  accompanimentRequestOpened: AccompanimentRequestEvent;
  /** The heating load (kW) of a district’s supervised buildings, one event per interval: the current one at once, then one at the end of each interval. */
  districtLoad: DistrictLoadEvent;
  /** Every reading stored for the meters chosen (all, or by building, meter, district or arrondissement), durable and resumable with `after`. */
  energyReadings: EnergyReadingEvent;
  /** Every change of the vote counts of an edition (or of one project), durable and resumable with `after`. */
  voteTallyChanged: VoteTallyEvent;
  /** Containers whose level rises to `threshold` or past it (default 0.9): time to send a truck. */
  wasteStationAlert: WasteStationAlert;
  /** Every change of the stations chosen (all, one station, or one arrondissement), durable and resumable with `after`. */
  wasteStationUpdated: WasteStationEvent;
};


export type SubscriptionAccompanimentRequestChangedArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  requestId: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionAccompanimentRequestOpenedArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  near: NearInput;
};


export type SubscriptionDistrictLoadArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  districtId: Scalars['ID']['input'];
  intervalSeconds?: Scalars['Int']['input'];
};


export type SubscriptionEnergyReadingsArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  buildingId: InputMaybe<Scalars['ID']['input']>;
  districtId: InputMaybe<Scalars['ID']['input']>;
  meterId: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionVoteTallyChangedArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  edition: Scalars['Int']['input'];
  projectId: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWasteStationAlertArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  stationId: InputMaybe<Scalars['ID']['input']>;
  threshold?: Scalars['Float']['input'];
};


export type SubscriptionWasteStationUpdatedArgs = {
  after: InputMaybe<Scalars['ID']['input']>;
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  stationId: InputMaybe<Scalars['ID']['input']>;
};

export type TemporalCoverage = {
  __typename?: 'TemporalCoverage';
  end: Maybe<Scalars['DateTime']['output']>;
  start: Maybe<Scalars['DateTime']['output']>;
};

/** A priority audience of a ParisCode course. */
export type TrainingAudience =
  | 'JOB_SEEKERS'
  | 'PEOPLE_WITH_DISABILITIES'
  /** Residents of the city's priority neighbourhoods (quartiers populaires). */
  | 'PRIORITY_NEIGHBOURHOODS'
  | 'REFUGEES'
  | 'WOMEN'
  /** Under 26. */
  | 'YOUNG_PEOPLE';

/** ParisCode's annual call for projects, through which the City funds training places (about €1 M a year). */
export type TrainingCallForProjects = {
  __typename?: 'TrainingCallForProjects';
  /** Budget of the call, in euros: the sum of the grants of the courses it funds. */
  budgetEuros: Scalars['Int']['output'];
  /** Day applications closed, as an ISO 8601 date. */
  closedOn: Scalars['String']['output'];
  /** The courses it funded, by course number. */
  courses: TrainingCourseConnection;
  /** Day applications opened, as an ISO 8601 date. */
  openedOn: Scalars['String']['output'];
  /** Training places the courses it funded offer. */
  placesFunded: Scalars['Int']['output'];
  provenance: Provenance;
  title: Scalars['String']['output'];
  year: Scalars['Int']['output'];
};


/** ParisCode's annual call for projects, through which the City funds training places (about €1 M a year). */
export type TrainingCallForProjectsCoursesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingCourseFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** One session of a course: the trainees who started together, and what became of them six months after. */
export type TrainingCohort = {
  __typename?: 'TrainingCohort';
  /** Trainees who obtained the certification. */
  certified: Scalars['Int']['output'];
  /** Trainees who followed the course to its end. */
  completed: Scalars['Int']['output'];
  course: TrainingCourse;
  /** Trainees in employment six months after the end of the course. */
  employedWithin6Months: Scalars['Int']['output'];
  /** Trainees employed six months after, among those who completed (0–1). */
  employmentRate: Maybe<Scalars['Float']['output']>;
  /** Last day, as an ISO 8601 date. */
  endDate: Scalars['String']['output'];
  /** Trainees who started. */
  enrolled: Scalars['Int']['output'];
  /** Trainees who went on to further studies instead. */
  furtherStudies: Scalars['Int']['output'];
  /** Trainees of this cohort that DataCity start-ups hired, by start-up. */
  hires: Array<TrainingHire>;
  /** The course id and the session number, e.g. "PC-2017-0014-2". */
  id: Scalars['ID']['output'];
  /** Places funded for this session. */
  places: Scalars['Int']['output'];
  provenance: Provenance;
  /** First day, as an ISO 8601 date. */
  startDate: Scalars['String']['output'];
  /** ParisCode's success rate, 0–1: trainees in employment or further studies six months after, among those who completed. */
  successRate: Maybe<Scalars['Float']['output']>;
  /** Year the cohort started. */
  year: Scalars['Int']['output'];
};

/** A ParisCode course: digital-skills training for job seekers, funded by a call for projects of the City. */
export type TrainingCourse = {
  __typename?: 'TrainingCourse';
  /** Where the course is taught. */
  arrondissement: Arrondissement;
  /** The call for projects that funded the course. */
  callForProjects: TrainingCallForProjects;
  /** The professional title it prepares for, when it leads to one. */
  certification: Maybe<Scalars['String']['output']>;
  /** Its sessions, in start order. */
  cohorts: Array<TrainingCohort>;
  /** Length of the course for one trainee, in hours. */
  durationHours: Scalars['Int']['output'];
  format: TrainingFormat;
  /** Grant from the call for projects, in euros (sponsorships come on top). */
  fundingEuros: Scalars['Int']['output'];
  /** e.g. "PC-2017-0014": the 14th course funded by the 2017 call for projects. */
  id: Scalars['ID']['output'];
  location: Location;
  /** Training places funded, over all its cohorts. */
  places: Scalars['Int']['output'];
  postalCode: Scalars['String']['output'];
  priorityAudiences: Array<TrainingAudience>;
  provenance: Provenance;
  provider: TrainingProvider;
  skillDomain: TrainingSkillDomain;
  /** Its sponsors, largest contribution first. */
  sponsors: Array<TrainingSponsor>;
  /** Sponsors' contributions, largest first. */
  sponsorships: Array<TrainingSponsorship>;
  /** Street address where the course is taught. */
  streetAddress: Scalars['String']['output'];
  /** Success rate over all its cohorts (0–1): in employment or further studies six months after, among those who completed. */
  successRate: Maybe<Scalars['Float']['output']>;
  title: Scalars['String']['output'];
  /** Trainees who started, over all its cohorts. */
  trainees: Scalars['Int']['output'];
  /** Year of the call for projects that funded the course; its cohorts start that year. */
  year: Scalars['Int']['output'];
};

export type TrainingCourseConnection = {
  __typename?: 'TrainingCourseConnection';
  edges: Array<TrainingCourseEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TrainingCourseEdge = {
  __typename?: 'TrainingCourseEdge';
  cursor: Scalars['String']['output'];
  node: TrainingCourse;
};

/** Every criterion given must hold. */
export type TrainingCourseFilter = {
  /** Arrondissement where the course is taught, 1–20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  /** Courses that list this priority audience. */
  audience: InputMaybe<TrainingAudience>;
  format: InputMaybe<TrainingFormat>;
  /** Courses taught within a radius of a point. */
  near: InputMaybe<NearInput>;
  /** Courses run by this provider. */
  provider: InputMaybe<Scalars['ID']['input']>;
  /** Words the title contains (case-insensitive). */
  search: InputMaybe<Scalars['String']['input']>;
  skillDomain: InputMaybe<TrainingSkillDomain>;
  /** Courses this sponsor contributes to. */
  sponsor: InputMaybe<Scalars['ID']['input']>;
  /** Year of the call for projects that funded the course. */
  year: InputMaybe<Scalars['Int']['input']>;
};

/** How a course is taught. */
export type TrainingFormat =
  /** Partly remote, partly on site. */
  | 'BLENDED'
  /** Full-time and intensive (about 35 hours a week). */
  | 'BOOTCAMP'
  /** Evenings or half days, compatible with a job search. */
  | 'PART_TIME'
  /** Alternating classes and work in a company (alternance). */
  | 'WORK_STUDY';

/** Trainees of a cohort hired by a DataCity start-up. */
export type TrainingHire = {
  __typename?: 'TrainingHire';
  cohort: TrainingCohort;
  startup: Startup;
  trainees: Scalars['Int']['output'];
};

/** What became of the trainees of the cohorts that started in one year, six months after their course. */
export type TrainingOutcomes = {
  __typename?: 'TrainingOutcomes';
  certified: Scalars['Int']['output'];
  cohorts: Scalars['Int']['output'];
  completed: Scalars['Int']['output'];
  /** Trainees who completed, among those who started (0–1). */
  completionRate: Maybe<Scalars['Float']['output']>;
  courses: Scalars['Int']['output'];
  employedWithin6Months: Scalars['Int']['output'];
  /** In employment six months after, among those who completed (0–1). */
  employmentRate: Maybe<Scalars['Float']['output']>;
  furtherStudies: Scalars['Int']['output'];
  /** Training places funded. */
  places: Scalars['Int']['output'];
  /** In employment or further studies six months after, among those who completed (0–1). */
  successRate: Maybe<Scalars['Float']['output']>;
  /** Trainees who started. */
  trainees: Scalars['Int']['output'];
  /** Year the cohorts started. */
  year: Scalars['Int']['output'];
};

/** An organisation that runs ParisCode courses. */
export type TrainingProvider = {
  __typename?: 'TrainingProvider';
  /** Its courses, by call year then course number. */
  courses: TrainingCourseConnection;
  foundedYear: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: TrainingProviderKind;
  name: Scalars['String']['output'];
  provenance: Provenance;
  website: Maybe<Scalars['String']['output']>;
};


/** An organisation that runs ParisCode courses. */
export type TrainingProviderCoursesArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<TrainingCourseFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
};

export type TrainingProviderConnection = {
  __typename?: 'TrainingProviderConnection';
  edges: Array<TrainingProviderEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TrainingProviderEdge = {
  __typename?: 'TrainingProviderEdge';
  cursor: Scalars['String']['output'];
  node: TrainingProvider;
};

export type TrainingProviderFilter = {
  kind: InputMaybe<TrainingProviderKind>;
  /** Words the name contains (case-insensitive). */
  search: InputMaybe<Scalars['String']['input']>;
};

/** SCHOOL: a coding school; ASSOCIATION: a non-profit; COMPANY: a private training organisation. */
export type TrainingProviderKind =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'SCHOOL';

/** The digital trade a course trains for. */
export type TrainingSkillDomain =
  /** Systems, networks, cloud and DevOps administration. */
  | 'CLOUD_AND_NETWORKS'
  | 'CYBERSECURITY'
  | 'DATA'
  | 'DIGITAL_MARKETING'
  /** IT support technicians and digital mediators. */
  | 'DIGITAL_SUPPORT'
  | 'UX_DESIGN'
  | 'WEB_DEVELOPMENT';

/** A business that sponsors ParisCode courses (€1.3 M raised since 2016). */
export type TrainingSponsor = {
  __typename?: 'TrainingSponsor';
  /** Everything it gave ParisCode, in euros. */
  amountEuros: Scalars['Int']['output'];
  /** The courses it sponsors. */
  courses: Array<TrainingCourse>;
  id: Scalars['ID']['output'];
  kind: TrainingSponsorKind;
  /** The name ParisCode records; for a start-up, `startup { name }` is the authoritative one. */
  name: Scalars['String']['output'];
  provenance: Provenance;
  /** Its contributions, by course. */
  sponsorships: Array<TrainingSponsorship>;
  /** The DataCity start-up this sponsor is, if it is one. */
  startup: Maybe<Startup>;
};

export type TrainingSponsorConnection = {
  __typename?: 'TrainingSponsorConnection';
  edges: Array<TrainingSponsorEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TrainingSponsorEdge = {
  __typename?: 'TrainingSponsorEdge';
  cursor: Scalars['String']['output'];
  node: TrainingSponsor;
};

export type TrainingSponsorFilter = {
  kind: InputMaybe<TrainingSponsorKind>;
  /** The sponsor that is this DataCity start-up. */
  startup: InputMaybe<Scalars['ID']['input']>;
};

/** COMPANY: a business; FOUNDATION: a corporate or private foundation; STARTUP: a DataCity start-up. */
export type TrainingSponsorKind =
  | 'COMPANY'
  | 'FOUNDATION'
  | 'STARTUP';

/** A sponsor's contribution to one course. */
export type TrainingSponsorship = {
  __typename?: 'TrainingSponsorship';
  amountEuros: Scalars['Int']['output'];
  course: TrainingCourse;
  sponsor: TrainingSponsor;
  /** Year of the contribution. */
  year: Scalars['Int']['output'];
};

/** A Paris en Compagnie volunteer (operators only). */
export type Volunteer = {
  __typename?: 'Volunteer';
  /** Whether the volunteer currently takes missions. */
  active: Maybe<Scalars['Boolean']['output']>;
  /** The arrondissement the volunteer usually covers. */
  arrondissement: Maybe<Arrondissement>;
  email: Maybe<Scalars['String']['output']>;
  familyName: Maybe<Scalars['String']['output']>;
  givenName: Maybe<Scalars['String']['output']>;
  /** e.g. "VOL-0042"; the `sub` a volunteer signs in with. */
  id: Scalars['ID']['output'];
  joinedAt: Maybe<Scalars['DateTime']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  provenance: Maybe<Provenance>;
};

export type VolunteerConnection = {
  __typename?: 'VolunteerConnection';
  edges: Array<VolunteerEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type VolunteerEdge = {
  __typename?: 'VolunteerEdge';
  cursor: Scalars['String']['output'];
  node: Volunteer;
};

export type VolunteerFilter = {
  active: InputMaybe<Scalars['Boolean']['input']>;
  /** The arrondissement the volunteer covers, 1–20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
};

/** A project's vote count changed, in the order ballots were stored. */
export type VoteTallyEvent = {
  __typename?: 'VoteTallyEvent';
  edition: Scalars['Int']['output'];
  /** Position in the tally stream: give it as `after` to resume right after this event. */
  eventId: Scalars['ID']['output'];
  project: BudgetProject;
  /** How many ballots chose the project, this ballot included. */
  votes: Scalars['Int']['output'];
};

/** One collection of a stream at a station. */
export type WasteCollection = {
  __typename?: 'WasteCollection';
  collectedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  provenance: Provenance;
  recordedAt: Scalars['DateTime']['output'];
  station: WasteStation;
  stream: WasteStream;
  /** Weight collected, in kilograms. */
  weightKg: Scalars['Float']['output'];
};

export type WasteCollectionConnection = {
  __typename?: 'WasteCollectionConnection';
  edges: Array<WasteCollectionEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type WasteCollectionEdge = {
  __typename?: 'WasteCollectionEdge';
  cursor: Scalars['String']['output'];
  node: WasteCollection;
};

/** One container of a station, for one stream (FIWARE WasteContainer). */
export type WasteContainer = {
  __typename?: 'WasteContainer';
  /** Average rise of `fillingLevel` per day (0.28 = 28 % a day). */
  averageDailyFillingRate: Maybe<Scalars['Float']['output']>;
  /** Useful capacity in litres. */
  capacityLitres: Maybe<Scalars['Int']['output']>;
  dateLastEmptying: Maybe<Scalars['DateTime']['output']>;
  /** When `fillingLevel` was observed. */
  dateLastFillingLevel: Maybe<Scalars['DateTime']['output']>;
  /** 0 (empty) to 1 (full), as last observed; null without a sensor. */
  fillingLevel: Maybe<Scalars['Float']['output']>;
  /** The sensor serial number where there is one (`13014-PM 002`, `TRILIB-13-0007-V`), else `<station id>-V`. */
  id: Scalars['ID']['output'];
  manufacturer: Maybe<Scalars['String']['output']>;
  model: Maybe<Scalars['String']['output']>;
  /** Past fill levels, the most recent first. */
  observations: FillingLevelObservationConnection;
  provenance: Provenance;
  /** Serial number of the fill-level sensor; null when there is none. */
  serialNumber: Maybe<Scalars['String']['output']>;
  station: WasteStation;
  /** FIWARE storedWasteKind: glass, plastic, metal, paper, organic, electronics, batteries, hazardous, other. */
  storedWasteKind: Array<Scalars['String']['output']>;
  stream: WasteStream;
};


/** One container of a station, for one stream (FIWARE WasteContainer). */
export type WasteContainerObservationsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
};

/** A place where Parisians drop sorted waste: a Trilib' station, a glass column or a Tri Mobile stop (FIWARE WasteContainerIsle). */
export type WasteStation = {
  __typename?: 'WasteStation';
  /** The streams one can drop here. */
  acceptedStreams: Array<WasteStream>;
  /** Street address as the source gives it; null for generated stations, whose place is synthetic. */
  address: Maybe<Scalars['String']['output']>;
  /** Where exactly, e.g. "Angle", "sur le parvis de l'église". */
  addressDetail: Maybe<Scalars['String']['output']>;
  arrondissement: Arrondissement;
  category: WasteStationCategory;
  /** Collections at this station, the most recent first. */
  collections: WasteCollectionConnection;
  /** Containers by stream; a Tri Mobile stop has none. */
  containers: Array<WasteContainer>;
  /** The last time any of its containers was emptied. */
  dateLastEmptying: Maybe<Scalars['DateTime']['output']>;
  /** The latest fill level observed on any of its containers. */
  dateLastFillingLevel: Maybe<Scalars['DateTime']['output']>;
  /** When the station was installed (FIWARE dateServiceStarted). */
  dateServiceStarted: Maybe<Scalars['DateTime']['output']>;
  /** The fill level of its fullest observed container (0–1). */
  fillingLevel: Maybe<Scalars['Float']['output']>;
  /** `TRILIB-13-0007` (generated Trilib'), `TRILIB-PILOT-13014` (sensor pilot), `GLASS-…`, `TRI-MOBILE-…`. */
  id: Scalars['ID']['output'];
  location: Location;
  name: Scalars['String']['output'];
  /** Opening hours as published (Tri Mobile: "de 9h à 13h"). */
  openingHours: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  provenance: Provenance;
  /** Days the stop is held, as published (Tri Mobile: "tous les 1er et 3ème vendredi du mois"). */
  schedule: Maybe<Scalars['String']['output']>;
  status: WasteStationStatus;
};


/** A place where Parisians drop sorted waste: a Trilib' station, a glass column or a Tri Mobile stop (FIWARE WasteContainerIsle). */
export type WasteStationCollectionsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first: InputMaybe<Scalars['Int']['input']>;
  stream: InputMaybe<WasteStream>;
};


/** A place where Parisians drop sorted waste: a Trilib' station, a glass column or a Tri Mobile stop (FIWARE WasteContainerIsle). */
export type WasteStationContainersArgs = {
  stream: InputMaybe<WasteStream>;
};

/** A container level that crossed the threshold a subscriber watches. */
export type WasteStationAlert = {
  __typename?: 'WasteStationAlert';
  /** Position in the station stream: give it as `after` to resume right after this event. */
  eventId: Scalars['ID']['output'];
  /** The stream's container level after the change (0–1). */
  fillingLevel: Scalars['Float']['output'];
  kind: WasteStationEventKind;
  observedAt: Scalars['DateTime']['output'];
  station: WasteStation;
  stream: WasteStream;
  threshold: Scalars['Float']['output'];
};

export type WasteStationCategory =
  /** A stand-alone glass column (colonne à verre). */
  | 'GLASS_COLUMN'
  /** A Trilib' recycling station: several containers, one per stream. */
  | 'TRILIB'
  /** A Tri Mobile stop: a collection truck parked on given days and hours. */
  | 'TRI_MOBILE';

export type WasteStationCategoryCount = {
  __typename?: 'WasteStationCategoryCount';
  category: WasteStationCategory;
  stations: Scalars['Int']['output'];
};

export type WasteStationConnection = {
  __typename?: 'WasteStationConnection';
  edges: Array<WasteStationEdge>;
  pageInfo: PageInfo;
  /** How many items match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type WasteStationEdge = {
  __typename?: 'WasteStationEdge';
  cursor: Scalars['String']['output'];
  node: WasteStation;
};

/** A change of a waste station, in the order it was stored. */
export type WasteStationEvent = {
  __typename?: 'WasteStationEvent';
  /** Position in the station stream: give it as `after` to resume right after this event. */
  eventId: Scalars['ID']['output'];
  /** The stream's container level after the change (0–1). */
  fillingLevel: Scalars['Float']['output'];
  kind: WasteStationEventKind;
  observedAt: Scalars['DateTime']['output'];
  station: WasteStation;
  stream: WasteStream;
};

export type WasteStationEventKind =
  /** A collection emptied the containers of a stream. */
  | 'COLLECTION'
  /** A sensor's or operator's fill level moved a container's current level. */
  | 'FILL_LEVEL';

/** Every condition given must hold. */
export type WasteStationFilter = {
  /** Stations that take this stream, whatever their fill level. */
  accepts: InputMaybe<WasteStream>;
  /** 1 to 20. */
  arrondissement: InputMaybe<Scalars['Int']['input']>;
  category: InputMaybe<WasteStationCategory>;
  /** Stations with free capacity for this stream: a container of it whose observed fill level is at most `maxFillingLevel` (0.9 by default). Containers without a sensor never match. */
  hasCapacityFor: InputMaybe<WasteStream>;
  /** With `hasCapacityFor`: how full (0–1) that container may be. Alone: how full the fullest observed container of the station may be. */
  maxFillingLevel: InputMaybe<Scalars['Float']['input']>;
  /** Stations with a container at least this full (0–1): what needs collecting. */
  minFillingLevel: InputMaybe<Scalars['Float']['input']>;
  near: InputMaybe<NearInput>;
  status: InputMaybe<WasteStationStatus>;
};

export type WasteStationStatus =
  /** In service. */
  | 'ACTIVE'
  /** Moved elsewhere; the record keeps its former place. */
  | 'MOVED'
  /** Neutralised or switched off for now. */
  | 'OUT_OF_SERVICE'
  /** Taken away for good. */
  | 'REMOVED'
  /** The source does not say. */
  | 'UNKNOWN';

/** A sorted-waste stream. */
export type WasteStream =
  /** Paper and cardboard (papiers-cartons). */
  | 'CARDBOARD'
  /** Small electrical and electronic appliances (DEEE), bulbs, ink cartridges. */
  | 'ELECTRONICS'
  /** Food scraps for composting and biogas (biodéchets). */
  | 'FOOD_WASTE'
  /** Glass bottles and jars (verre). */
  | 'GLASS'
  /** Batteries, paint, solvents and other household hazardous waste. */
  | 'HAZARDOUS'
  /** Plastic and metal packaging and paper, the yellow stream (emballages et papiers). */
  | 'PACKAGING_PAPER'
  /** Clothes, linen and shoes (textiles, linge, chaussures). */
  | 'TEXTILE';

/** The containers of one stream in an arrondissement. */
export type WasteStreamSummary = {
  __typename?: 'WasteStreamSummary';
  /** Mean current fill level of the observed containers (0–1). */
  averageFillingLevel: Maybe<Scalars['Float']['output']>;
  containers: Scalars['Int']['output'];
  /** Observed containers fuller than 0.9, treated as full (no free capacity). */
  fullContainers: Scalars['Int']['output'];
  /** Containers whose fill level is observed (with a sensor). */
  observedContainers: Scalars['Int']['output'];
  stream: WasteStream;
};

export type ArrondissementsQueryVariables = Exact<{ [key: string]: never; }>;


export type ArrondissementsQuery = { arrondissements: Array<{ code: number, inseeCode: string, name: string, officialName: string, surfaceM2: number | null, population: number | null, location: { latitude: number, longitude: number } }> };


export const ArrondissementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officialName"}},{"kind":"Field","name":{"kind":"Name","value":"surfaceM2"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}}]}}]}}]} as unknown as DocumentNode<ArrondissementsQuery, ArrondissementsQueryVariables>;