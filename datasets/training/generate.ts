import { createHash } from 'node:crypto';
import { Provenance } from '#platform/city';
import { MIN_STARTUPS, startupId } from '../identifiers';
import { SeededRandom } from '#platform/random';
import type { TrainingCallForProjects } from '#training/modules/call-for-projects/call-for-projects.entity';
import { TrainingCohort } from '#training/modules/cohort/cohort.entity';
import { TrainingAudience, TrainingCourse, TrainingFormat } from '#training/modules/course/course.entity';
import { TrainingProviderKind, type TrainingProvider } from '#training/modules/provider/provider.entity';
import { TrainingSponsorKind, type TrainingSponsor } from '#training/modules/sponsor/sponsor.entity';
import type { TrainingSponsorship } from '#training/modules/sponsorship/sponsorship.entity';
import type { TrainingHire } from '#training/modules/hire/hire.entity';
import { ARRONDISSEMENTS } from '../territory/reference';
import {
  ARRONDISSEMENT_WEIGHTS,
  BROCHURE,
  CALLS,
  NAME_STEMS,
  PLACES,
  PRIORITY_NEIGHBOURHOOD_ARRONDISSEMENTS,
  PROVIDER_PATTERNS,
  SPONSOR_PATTERNS,
  SPONSOR_PROFILES,
  STREETS,
  TRADES,
  WEEKLY_HOURS,
} from './reference';

export interface TrainingGenerationOptions {
  seed: number;
  /**
   * Multiplies the places of every call (hence courses, cohorts, trainees and hires), the calls'
   * budgets and the sponsorship total; providers and sponsors grow with its square root. 1 is
   * the brochure's ParisCode: about 270 courses and 4,300 places over 2016–2019.
   */
  scale: number;
}

export interface TrainingRows {
  calls: TrainingCallForProjects[];
  providers: TrainingProvider[];
  courses: TrainingCourse[];
  cohorts: TrainingCohort[];
  sponsors: TrainingSponsor[];
  sponsorships: TrainingSponsorship[];
  hires: TrainingHire[];
  /** SHA-256 of every generated row: the same seed and scale always give the same checksum. */
  checksum: string;
}

export const MAX_SCALE = 100;

/** A trainee employed six months after has this chance of having been hired by a DataCity start-up. */
const STARTUP_HIRE_CHANCE = 0.12;

interface Site {
  arrondissement: number;
  streetAddress: string;
  latitude: number;
  longitude: number;
}

interface GeneratedProvider {
  provider: TrainingProvider;
  sites: Site[];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Builds a name from a pattern and a stem not used yet by the same generator. */
function uniqueName(random: SeededRandom, patterns: readonly string[], taken: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const stem = random.pick(NAME_STEMS);
    const base = random.pick(patterns).replace('{}', stem);
    const name = attempt < 20 ? base : `${base} ${attempt}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function site(random: SeededRandom): Site {
  const arrondissement = random.weighted(ARRONDISSEMENT_WEIGHTS);
  const centre = ARRONDISSEMENTS.find((entry) => entry.code === arrondissement);
  if (!centre) throw new Error(`no reference centroid for arrondissement ${arrondissement}`);
  // Within about half the arrondissement's equivalent radius (capped so the Bois stay empty).
  const radius = Math.min(900, 0.5 * Math.sqrt(centre.surfaceM2 / Math.PI));
  const point = random.pointNear(centre.latitude, centre.longitude, radius);
  return {
    arrondissement,
    streetAddress: `${random.integer(1, 140)} ${random.pick(STREETS[arrondissement])}`,
    latitude: Number(point.latitude.toFixed(6)),
    longitude: Number(point.longitude.toFixed(6)),
  };
}

function generateProviders(random: SeededRandom, scale: number): GeneratedProvider[] {
  const count = Math.max(4, Math.round(24 * Math.sqrt(scale)));
  const names = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const kind = random.weighted([
      [TrainingProviderKind.SCHOOL, 0.4],
      [TrainingProviderKind.ASSOCIATION, 0.35],
      [TrainingProviderKind.COMPANY, 0.25],
    ] as const);
    const name = uniqueName(random, PROVIDER_PATTERNS[kind], names);
    const slug = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return {
      provider: {
        id: `provider-${pad(index + 1, 3)}`,
        name,
        kind,
        website: `https://www.${slug}.example`,
        foundedYear: random.integer(kind === TrainingProviderKind.COMPANY ? 1985 : 2005, 2015),
        provenance: Provenance.GENERATED,
      },
      sites: Array.from({ length: random.integer(1, 3) }, () => site(random)),
    };
  });
}

function formatFor(random: SeededRandom, kind: TrainingProviderKind): TrainingFormat {
  return random.weighted([
    [TrainingFormat.BOOTCAMP, kind === TrainingProviderKind.SCHOOL ? 5 : 2],
    [TrainingFormat.PART_TIME, kind === TrainingProviderKind.ASSOCIATION ? 4 : 1],
    [TrainingFormat.WORK_STUDY, kind === TrainingProviderKind.COMPANY ? 4 : 2],
    [TrainingFormat.BLENDED, 2],
  ] as const);
}

function audiencesFor(random: SeededRandom, arrondissement: number): TrainingAudience[] {
  const audiences = [TrainingAudience.JOB_SEEKERS];
  if (random.chance(0.35)) audiences.push(TrainingAudience.YOUNG_PEOPLE);
  if (random.chance(0.2)) audiences.push(TrainingAudience.WOMEN);
  if (random.chance(PRIORITY_NEIGHBOURHOOD_ARRONDISSEMENTS.has(arrondissement) ? 0.6 : 0.15)) {
    audiences.push(TrainingAudience.PRIORITY_NEIGHBOURHOODS);
  }
  if (random.chance(0.06)) audiences.push(TrainingAudience.PEOPLE_WITH_DISABILITIES);
  if (random.chance(0.06)) audiences.push(TrainingAudience.REFUGEES);
  return audiences;
}

/** Shares `total` out in proportion to `weights`, in multiples of `unit`, summing exactly to `total`. */
function apportion(total: number, weights: readonly number[], unit: number): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const shares = weights.map((weight) => Math.max(unit, Math.floor((total * weight) / sum / unit) * unit));
  const largest = shares.indexOf(Math.max(...shares));
  shares[largest] += total - shares.reduce((acc, share) => acc + share, 0);
  return shares;
}

function generateCourses(random: SeededRandom, providers: GeneratedProvider[], scale: number) {
  const courses: TrainingCourse[] = [];
  for (const call of CALLS) {
    let remaining = Math.max(1, Math.round(call.places * scale));
    const ofCall: TrainingCourse[] = [];
    while (remaining > 0) {
      const { provider, sites } = random.pick(providers);
      const trade = random.weighted(TRADES.map((entry) => [entry, entry.weight] as const));
      const format = formatFor(random, provider.kind);
      const [fewest, most] = PLACES[format];
      const drawn = random.integer(fewest, most);
      // The last course of a call takes what is left, so each call funds exactly its places.
      const places = remaining - drawn < fewest ? remaining : drawn;
      remaining -= places;
      const where = random.pick(sites);
      const title = random.pick(trade.titles);
      const weeklyHours = WEEKLY_HOURS[format];
      const durationHours =
        Math.round(random.integer(trade.hours[0], trade.hours[1]) / weeklyHours) * weeklyHours;
      ofCall.push(
        Object.assign(new TrainingCourse(), {
          id: `PC-${call.year}-${pad(ofCall.length + 1, 4)}`,
          title,
          skillDomain: trade.domain,
          format,
          providerId: provider.id,
          year: call.year,
          durationHours,
          places,
          fundingEuros: 0,
          priorityAudiences: audiencesFor(random, where.arrondissement),
          certification: random.chance(0.7) ? `Titre professionnel ${title}` : null,
          streetAddress: where.streetAddress,
          postalCode: `750${pad(where.arrondissement, 2)}`,
          arrondissementCode: where.arrondissement,
          latitude: where.latitude,
          longitude: where.longitude,
          provenance: Provenance.GENERATED,
        }),
      );
    }
    // The call's budget is shared in proportion to the training hours each course delivers.
    const grants = apportion(
      Math.round(BROCHURE.callBudgetEuros * scale),
      ofCall.map((course) => course.places * course.durationHours),
      100,
    );
    ofCall.forEach((course, index) => (course.fundingEuros = grants[index]));
    courses.push(...ofCall);
  }
  return courses;
}

function generateCohorts(random: SeededRandom, courses: TrainingCourse[]) {
  const cohorts: TrainingCohort[] = [];
  const hires: TrainingHire[] = [];
  for (const course of courses) {
    const sessions = course.places >= 20 || (course.places >= 14 && random.chance(0.3)) ? 2 : 1;
    const firstPlaces = Math.ceil(course.places / sessions);
    for (let session = 1; session <= sessions; session += 1) {
      const places = session === 1 ? firstPlaces : course.places - firstPlaces;
      // One session starts between January and October; with two, the second starts after the summer.
      const month =
        sessions === 1 ? random.integer(0, 9) : session === 1 ? random.integer(0, 4) : random.integer(5, 9);
      const start = new Date(Date.UTC(course.year, month, random.integer(1, 28)));
      const weeks = Math.ceil(course.durationHours / WEEKLY_HOURS[course.format]);
      const end = new Date(start.getTime() + (weeks * 7 - 3) * 86_400_000);
      const enrolled = Math.max(1, Math.round(places * random.between(0.88, 1)));
      const completed = Math.round(enrolled * random.between(0.78, 0.97));
      const certified = course.certification ? Math.round(completed * random.between(0.75, 0.98)) : 0;
      // ParisCode's success: employment or further studies, 75–100 % of those who completed.
      const success = random.between(BROCHURE.successRate.min, BROCHURE.successRate.max);
      const positive = Math.min(
        completed,
        Math.max(Math.ceil(completed * BROCHURE.successRate.min), Math.round(completed * success)),
      );
      const employed = Math.round(positive * random.between(0.65, 0.9));
      const cohort = Object.assign(new TrainingCohort(), {
        id: `${course.id}-${session}`,
        courseId: course.id,
        year: course.year,
        startDate: isoDate(start),
        endDate: isoDate(end),
        places,
        enrolled,
        completed,
        certified,
        employedWithin6Months: employed,
        furtherStudies: positive - employed,
        provenance: Provenance.GENERATED,
      });
      cohorts.push(cohort);
      const hired = new Map<string, number>();
      for (let trainee = 0; trainee < employed; trainee += 1) {
        if (!random.chance(STARTUP_HIRE_CHANCE)) continue;
        const startup = startupId(random.integer(1, MIN_STARTUPS));
        hired.set(startup, (hired.get(startup) ?? 0) + 1);
      }
      for (const [startup, trainees] of [...hired].sort(([a], [b]) => a.localeCompare(b))) {
        hires.push({ cohortId: cohort.id, startupId: startup, trainees });
      }
    }
  }
  return { cohorts, hires };
}

function generateSponsors(random: SeededRandom, courses: TrainingCourse[], scale: number) {
  const count = Math.max(5, Math.round(40 * Math.sqrt(scale)));
  const names = new Set<string>();
  const startups = new Set<number>();
  const sponsors: TrainingSponsor[] = [];
  const picks: { sponsorId: string; course: TrainingCourse; weight: number }[] = [];
  for (let index = 1; index <= count; index += 1) {
    let kind = random.weighted(
      Object.values(TrainingSponsorKind).map(
        (candidate) => [candidate, SPONSOR_PROFILES[candidate].share] as const,
      ),
    );
    if (kind === TrainingSponsorKind.STARTUP && startups.size === MIN_STARTUPS)
      kind = TrainingSponsorKind.COMPANY;
    let startup: number | null = null;
    let name: string;
    if (kind === TrainingSponsorKind.STARTUP) {
      do startup = random.integer(1, MIN_STARTUPS);
      while (startups.has(startup));
      startups.add(startup);
      name = `DataCity start-up ${pad(startup, 3)}`;
    } else {
      name = uniqueName(random, SPONSOR_PATTERNS[kind], names);
    }
    const id = `sponsor-${pad(index, 3)}`;
    sponsors.push({
      id,
      name,
      kind,
      startupId: startup === null ? null : startupId(startup),
      provenance: Provenance.GENERATED,
    });
    const profile = SPONSOR_PROFILES[kind];
    const wanted = Math.min(courses.length, random.integer(...profile.courses));
    const chosen = new Set<TrainingCourse>();
    while (chosen.size < wanted) chosen.add(random.pick(courses));
    for (const course of chosen)
      picks.push({ sponsorId: id, course, weight: random.between(...profile.gift) });
  }
  const amounts = apportion(
    Math.round((BROCHURE.sponsorshipEuros * scale) / 100) * 100,
    picks.map((pick) => pick.weight),
    100,
  );
  const sponsorships = picks.map((pick, index): TrainingSponsorship => ({
    sponsorId: pick.sponsorId,
    courseId: pick.course.id,
    amountEuros: amounts[index],
    year: pick.course.year,
  }));
  return { sponsors, sponsorships };
}

export function validateGenerationOptions(options: TrainingGenerationOptions): void {
  if (!Number.isFinite(options.scale) || options.scale <= 0 || options.scale > MAX_SCALE) {
    throw new RangeError(
      `The training scale must be greater than 0 and at most ${MAX_SCALE} (got ${options.scale})`,
    );
  }
  if (!Number.isInteger(options.seed))
    throw new RangeError(`The training seed must be an integer (got ${options.seed})`);
}

/**
 * ParisCode as the brochure describes it, generated: the same seed and scale always give the
 * same rows, and each part draws from its own random stream so changing one leaves the others be.
 */
export function generateTraining(options: TrainingGenerationOptions): TrainingRows {
  validateGenerationOptions(options);
  const { seed, scale } = options;
  const providers = generateProviders(new SeededRandom(seed, 'training:providers'), scale);
  const courses = generateCourses(new SeededRandom(seed, 'training:courses'), providers, scale);
  const { cohorts, hires } = generateCohorts(new SeededRandom(seed, 'training:cohorts'), courses);
  const { sponsors, sponsorships } = generateSponsors(
    new SeededRandom(seed, 'training:sponsors'),
    courses,
    scale,
  );
  const calls = CALLS.map((call): TrainingCallForProjects => ({
    year: call.year,
    title: `Appel à projets ParisCode ${call.year}`,
    budgetEuros: Math.round(BROCHURE.callBudgetEuros * scale),
    openedOn: call.openedOn,
    closedOn: call.closedOn,
    provenance: Provenance.GENERATED,
  }));
  const rows = {
    calls,
    providers: providers.map((entry) => entry.provider),
    courses,
    cohorts,
    sponsors,
    sponsorships,
    hires,
  };
  return { ...rows, checksum: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
}
