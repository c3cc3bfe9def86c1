import { SeededRandom } from '#platform/random';
import type { Schedule } from './reference';

/**
 * The load model behind the generated readings. Every 15-minute value is the building's annual
 * consumption times the share of the year that interval carries under a shape built from:
 * - the weather: Paris temperature normals (5 °C in January, 20.5 °C in July, coolest before
 *   dawn) plus seeded multi-day anomalies, driving space heating below 17 °C;
 * - the building's use: opening hours per weekday, Wednesday afternoons in schools, summer and
 *   Christmas closures, heating set back outside opening hours and restarted two hours before;
 * - a base load (ventilation, servers, pool pumps) and domestic hot water.
 * Shapes are normalised over a reference year, so a full year of readings adds up (give or take
 * the weather) to the audited annual consumption.
 */

export const INTERVAL_MS = 15 * 60_000;
export const INTERVALS_PER_DAY = 96;
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Space heating starts below this outdoor temperature (°C), the French degree-day base for offices and schools. */
const HEATING_BASE_TEMPERATURE = 17;
/** Heating kept outside opening hours, as a share of the occupied demand. */
const SET_BACK = 0.55;
const PRE_HEATING_MS = 2 * HOUR_MS;

function lastSundayOf(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

/** Paris wall-clock time: CEST (UTC+2) from the last Sunday of March to that of October at 01:00 UTC, else CET. */
export interface LocalTime {
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  hour: number;
  month: number;
  day: number;
}

export function parisLocalTime(utcMs: number): LocalTime {
  const year = new Date(utcMs).getUTCFullYear();
  const summer = utcMs >= lastSundayOf(year, 2) + HOUR_MS && utcMs < lastSundayOf(year, 9) + HOUR_MS;
  const local = new Date(utcMs + (summer ? 2 : 1) * HOUR_MS);
  return {
    weekday: local.getUTCDay(),
    hour: local.getUTCHours() + local.getUTCMinutes() / 60,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
}

/** Outdoor temperature in Paris: the normals plus seeded anomalies that depend on the date only. */
export class ParisWeather {
  private readonly anomalies: { periodDays: number; phase: number; amplitude: number }[];

  constructor(seed: number) {
    const random = new SeededRandom(seed, 'paris-weather');
    this.anomalies = [2.7, 4.9, 8.3, 13.1, 21.7].map((periodDays) => ({
      periodDays: periodDays * random.between(0.9, 1.1),
      phase: random.between(0, 2 * Math.PI),
      amplitude: random.between(0.8, 1.8),
    }));
  }

  /** Climate normal at an instant, °C: seasonal cycle coolest around 20 January, daily cycle warmest at 14:00 UTC. */
  static normal(utcMs: number): number {
    const yearStart = Date.UTC(new Date(utcMs).getUTCFullYear(), 0, 1);
    const season = Math.cos((2 * Math.PI * ((utcMs - yearStart) / DAY_MS - 20)) / 365.25);
    const dailyAmplitude = 3.5 - 1 * season;
    const hourUtc = (utcMs % DAY_MS) / HOUR_MS;
    return 12.75 - 7.75 * season + dailyAmplitude * Math.cos((2 * Math.PI * (hourUtc - 14)) / 24);
  }

  temperature(utcMs: number): number {
    const day = utcMs / DAY_MS;
    let anomaly = 0;
    for (const wave of this.anomalies)
      anomaly += wave.amplitude * Math.sin((2 * Math.PI * day) / wave.periodDays + wave.phase);
    return ParisWeather.normal(utcMs) + anomaly;
  }
}

function closedForHolidays(schedule: Schedule, time: LocalTime): boolean {
  if (schedule === 'SCHOOL') {
    return (
      (time.month === 7 && time.day >= 6) ||
      time.month === 8 ||
      (time.month === 12 && time.day >= 21) ||
      (time.month === 1 && time.day <= 2)
    );
  }
  if (schedule === 'NURSERY') return time.month === 8 && time.day <= 24;
  return false;
}

function open(time: LocalTime, from: number, to: number): number {
  return time.hour >= from && time.hour < to ? 1 : 0;
}

/** How much the building is in use (0–1) at a local time. */
export function occupancy(schedule: Schedule, time: LocalTime): number {
  if (closedForHolidays(schedule, time)) return 0;
  const { weekday } = time;
  const weekend = weekday === 0 || weekday === 6;
  switch (schedule) {
    case 'SCHOOL':
      if (weekend) return 0;
      // Wednesday afternoons and after-school hours host the centres de loisirs, with fewer children.
      if (weekday === 3) return open(time, 8, 13) + 0.4 * open(time, 13, 18.5);
      return open(time, 8, 16.5) + 0.5 * open(time, 16.5, 18.5);
    case 'NURSERY':
      return weekend ? 0 : open(time, 7.5, 18.5);
    case 'OFFICE':
      if (weekday === 6) return 0.3 * open(time, 9, 12.5);
      return weekday === 0 ? 0 : open(time, 8, 19);
    case 'SPORT':
      return weekend ? open(time, 9, 19) : open(time, 8, 22.5);
    case 'POOL':
      return weekday === 0 ? open(time, 8, 18) : open(time, 7, 22);
    case 'LIBRARY':
      return weekday === 0 || weekday === 1 ? 0 : open(time, 10, 19);
    case 'MUSEUM':
      return weekday === 1 ? 0 : open(time, 10, 18);
    case 'CULTURE':
      return weekday === 0 ? 0 : open(time, 9, 21);
    case 'HOUSING':
      // Presence at home: low during working hours, highest in the evening.
      if (time.hour < 6.5) return 0.55;
      if (time.hour < 9) return 0.9;
      if (time.hour < 18) return weekend ? 0.8 : 0.45;
      if (time.hour < 23) return 1;
      return 0.7;
  }
}

/** Relative demand of each use at one instant, before normalisation to the annual consumption. */
export interface Demand {
  heating: number;
  electricity: number;
  water: number;
}

/** Domestic hot water relative to space heating: pools heat their basins, housing and gyms their showers. */
const HOT_WATER: Record<Schedule, number> = {
  SCHOOL: 0.8,
  NURSERY: 1.2,
  OFFICE: 0.5,
  SPORT: 2,
  POOL: 10,
  LIBRARY: 0.3,
  MUSEUM: 0.3,
  CULTURE: 0.5,
  HOUSING: 2.5,
};

/** Always-on electricity (ventilation, servers, fridges, pool filtration, museum climate control). */
const BASE_LOAD: Record<Schedule, number> = {
  SCHOOL: 0.2,
  NURSERY: 0.25,
  OFFICE: 0.3,
  SPORT: 0.2,
  POOL: 0.8,
  LIBRARY: 0.3,
  MUSEUM: 0.6,
  CULTURE: 0.2,
  HOUSING: 0.35,
};

export const SCHEDULES: readonly Schedule[] = [
  'SCHOOL',
  'NURSERY',
  'OFFICE',
  'SPORT',
  'POOL',
  'LIBRARY',
  'MUSEUM',
  'CULTURE',
  'HOUSING',
];

/** One instant as every building sees it: the outdoor temperature, and the local time now and two hours ahead. */
export interface Instant {
  utcMs: number;
  temperature: number;
  now: LocalTime;
  ahead: LocalTime;
}

export function instant(utcMs: number, temperature: number): Instant {
  return { utcMs, temperature, now: parisLocalTime(utcMs), ahead: parisLocalTime(utcMs + PRE_HEATING_MS) };
}

export function demand(schedule: Schedule, at: Instant): Demand {
  const inUse = occupancy(schedule, at.now);
  const heated = schedule === 'HOUSING' || inUse > 0 || occupancy(schedule, at.ahead) > 0 ? 1 : SET_BACK;
  const degrees = Math.max(0, HEATING_BASE_TEMPERATURE - at.temperature);
  // Lighting adds to the occupied load in the dark months.
  const darkness = 1 + 0.3 * Math.max(0, Math.cos((2 * Math.PI * (at.now.month - 1)) / 12));
  return {
    heating: degrees * heated + HOT_WATER[schedule] * inUse,
    electricity: BASE_LOAD[schedule] + inUse * darkness,
    water: 0.03 + inUse + (schedule === 'POOL' ? 0.4 : 0),
  };
}

/** The reference year the shapes are normalised on (a common, non-leap year). */
const REFERENCE_YEAR = 2023;
let referenceTotals: Map<Schedule, Demand> | undefined;

/** Σ of each demand over the reference year's intervals at the climate normals, per schedule (computed once). */
export function annualDemand(schedule: Schedule): Demand {
  if (!referenceTotals) {
    const totals = new Map<Schedule, Demand>(
      SCHEDULES.map((name) => [name, { heating: 0, electricity: 0, water: 0 }]),
    );
    const start = Date.UTC(REFERENCE_YEAR, 0, 1);
    const end = Date.UTC(REFERENCE_YEAR + 1, 0, 1);
    for (let utcMs = start + INTERVAL_MS / 2; utcMs < end; utcMs += INTERVAL_MS) {
      const at = instant(utcMs, ParisWeather.normal(utcMs));
      for (const name of SCHEDULES) {
        const total = totals.get(name) as Demand;
        const current = demand(name, at);
        total.heating += current.heating;
        total.electricity += current.electricity;
        total.water += current.water;
      }
    }
    referenceTotals = totals;
  }
  return referenceTotals.get(schedule) as Demand;
}
