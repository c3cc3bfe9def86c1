import { Provenance } from '#platform/city';
import { SeededRandom } from '#platform/random';
import { BuildingCategory, type Building } from '#energy/modules/building/building.entity';
import { Retrofit, RetrofitMeasure } from '#energy/modules/retrofit/retrofit.entity';
import { DAY_MS, parisLocalTime } from './load-profiles';

/**
 * Retrofit works of the 1,500 supervised buildings: the brochure's "renovation and supervision of
 * the heating systems of 1,500 public buildings". Paris publishes no per-building works, so they
 * are generated (seeded, reproducible): one retrofit per supervised building between 2015 (the
 * year after the strategy's launch) and the end of 2025, never before the building stood. Every
 * one puts the heating under supervision (CONTROL); older buildings get more measures. Costs and
 * savings per measure are orders of magnitude of French public-building renovations (ADEME).
 */
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);

interface MeasureProfile {
  measure: RetrofitMeasure;
  /** Chance of the measure in a building built before 1975, and in a later one. */
  chance: readonly [number, number];
  /** Typical saving, % of the building's energy. */
  savingPercent: number;
  /** Typical cost, euros per m² of floor area. */
  euroPerM2: number;
}

const MEASURES: readonly MeasureProfile[] = [
  { measure: RetrofitMeasure.INSULATION, chance: [0.45, 0.15], savingPercent: 15, euroPerM2: 120 },
  { measure: RetrofitMeasure.WINDOWS, chance: [0.4, 0.15], savingPercent: 6, euroPerM2: 60 },
  { measure: RetrofitMeasure.HEATING_SYSTEM, chance: [0.7, 0.5], savingPercent: 12, euroPerM2: 35 },
  { measure: RetrofitMeasure.VENTILATION, chance: [0.25, 0.2], savingPercent: 4, euroPerM2: 25 },
  { measure: RetrofitMeasure.LIGHTING, chance: [0.4, 0.35], savingPercent: 3, euroPerM2: 15 },
  { measure: RetrofitMeasure.CONTROL, chance: [1, 1], savingPercent: 8, euroPerM2: 8 },
];

/** Schools close in July and August: their works are done then. */
const SUMMER_WORKS = new Set<BuildingCategory>([
  BuildingCategory.SCHOOL,
  BuildingCategory.COLLEGE,
  BuildingCategory.NURSERY,
]);

function isoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

function generateRetrofit(seed: number, building: Building): Retrofit {
  const random = new SeededRandom(seed, `${building.id}/retrofit`);
  const era = building.constructionYear < 1975 ? 0 : 1;
  // A building completed recently was designed with its supervision: only CONTROL is added.
  const recent = building.constructionYear >= 2012;
  const measures = MEASURES.filter(
    (profile) =>
      profile.measure === RetrofitMeasure.CONTROL || (!recent && random.chance(profile.chance[era])),
  );
  const earliest = Math.max(FIRST_DAY, Date.UTC(building.constructionYear + 1, 0, 1));
  const heavy = measures.length > 2;
  let startMs: number;
  let days: number;
  if (SUMMER_WORKS.has(building.category)) {
    const year = random.integer(new Date(earliest).getUTCFullYear(), new Date(LAST_DAY).getUTCFullYear());
    startMs = Date.UTC(year, 6, random.integer(6, 12));
    days = random.integer(35, 52);
  } else {
    startMs = earliest + Math.floor(random.next() * ((LAST_DAY - earliest) / DAY_MS - 200)) * DAY_MS;
    days = heavy ? random.integer(60, 180) : random.integer(7, 45);
  }
  const spread = Math.exp(random.normal(0, 0.2));
  const savingPercent = measures.reduce((sum, profile) => sum + profile.savingPercent, 0) * spread;
  const euros = measures.reduce((sum, profile) => sum + profile.euroPerM2, 0) * building.floorAreaM2;
  return Object.assign(new Retrofit(), {
    id: `${building.id}-R1`,
    buildingId: building.id,
    startedOn: isoDay(startMs),
    completedOn: isoDay(startMs + days * DAY_MS),
    costEuros: Math.round((euros * Math.exp(random.normal(0, 0.25))) / 100) * 100,
    measures: measures.map((profile) => profile.measure),
    expectedSavingPercent: Math.round(Math.min(45, savingPercent) * 10) / 10,
    provenance: Provenance.GENERATED,
  });
}

/** One retrofit per supervised building, the same for a given seed whatever the scale. */
export function generateRetrofits(seed: number, buildings: Building[]): Retrofit[] {
  return buildings
    .filter((building) => building.heatingSupervised)
    .map((building) => generateRetrofit(seed, building));
}

/** The UTC instant of a Paris midnight, the day given as YYYY-MM-DD. */
export function parisMidnight(day: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const summer = utcMidnight - 2 * 3_600_000;
  return parisLocalTime(summer).hour === 0 ? summer : utcMidnight - 3_600_000;
}

/** The Paris midnight starting the Paris day `utcMs` falls in. */
export function parisDayStart(utcMs: number): number {
  // Paris is ahead of UTC: its date is the UTC date or the next one.
  const next = parisMidnight(isoDay(utcMs + DAY_MS));
  return utcMs >= next ? next : parisMidnight(isoDay(utcMs));
}

/** The day `years` years from a YYYY-MM-DD day, as PostgreSQL's `date + interval` gives it (29 February → 28). */
export function shiftYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const monthLength = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return isoDay(Date.UTC(year + years, month - 1, Math.min(date, monthLength)));
}

/**
 * How the readings follow a retrofit: the building's audited consumption is today's, after its
 * works, so readings up to the Paris midnight the works were completed are higher by the saving
 * the works achieved (water is unaffected). Works rarely achieve exactly what the audit expected
 * (the "performance gap"): each achieves a seeded 30–130 % of it, 85 % on average. Keyed by
 * building id.
 */
export interface RetrofitEffect {
  /** Readings whose interval ends at or before this instant are from before the works. */
  completedMs: number;
  beforeFactor: number;
}

export function retrofitEffects(seed: number, retrofits: Retrofit[]): Map<string, RetrofitEffect> {
  return new Map(
    retrofits.map((retrofit) => {
      const achieved = new SeededRandom(seed, `${retrofit.id}/achieved`).normal(0.85, 0.2);
      const savingPercent = retrofit.expectedSavingPercent * Math.min(1.3, Math.max(0.3, achieved));
      return [
        retrofit.buildingId,
        { completedMs: parisMidnight(retrofit.completedOn), beforeFactor: 1 / (1 - savingPercent / 100) },
      ];
    }),
  );
}

/** Share of the retrofits whose meters' daily consumption is kept from a year before the works to a year after. */
const MEASURED_SHARE = 1 / 3;

/** Paris days [fromMs, toMs), between Paris midnights. */
export interface DailyHistorySpan {
  fromMs: number;
  toMs: number;
}

/**
 * Where the generated readings are kept as daily roll-ups only, keyed by building id: for about a
 * third of the retrofits (a seeded choice per retrofit, whatever the window), the Paris days from
 * a year before the works started to a year after they were completed, which is what measuring
 * their saving needs, cut at `untilMs` (the first Paris day of the 15-minute readings, whose days
 * are rolled up from the readings themselves). Years of 15-minute readings for every building
 * would be tens of millions of rows; these are about 1,400 per retrofit.
 */
export function dailyHistorySpans(
  seed: number,
  retrofits: Retrofit[],
  untilMs: number,
): Map<string, DailyHistorySpan> {
  const spans = new Map<string, DailyHistorySpan>();
  for (const retrofit of retrofits) {
    if (!new SeededRandom(seed, `${retrofit.id}/daily-history`).chance(MEASURED_SHARE)) continue;
    const fromMs = parisMidnight(shiftYears(retrofit.startedOn, -1));
    const toMs = Math.min(untilMs, parisMidnight(shiftYears(retrofit.completedOn, 1)));
    if (fromMs < toMs) spans.set(retrofit.buildingId, { fromMs, toMs });
  }
  return spans;
}
