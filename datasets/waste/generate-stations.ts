import { Provenance } from '#platform/city';
import { MIN_STATIONS_PER_ARRONDISSEMENT, wasteStationId } from '../identifiers';
import { SeededRandom } from '#platform/random';
import type { SeedOptions } from '#platform/subgraph';
import { WasteStationCategory, WasteStationStatus } from '#waste/modules/station/station.entity';
import { STORED_WASTE_KINDS, WasteStream } from '#waste/waste-stream';
import { collection, container, observation, station, type WasteDataset } from './dataset';

export const GENERATED_DATASET = 'trilib-stations';

/** The brochure: "roll-out of 1,000 new Trilib' waste recycling stations". */
export const TRILIB_STATIONS = 1000;

/** Days of fill-level history per unit of `--scale` (scale 1: one week; 52: a year). */
export const HISTORY_DAYS_PER_SCALE = 7;

/** The generated history ends here, not "now": the same seed and scale give the same rows on any day. */
export const HISTORY_END = new Date('2025-01-01T00:00:00Z');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Where stations are spread in each arrondissement: a disc around a residential centre (the
 * centroid, except in the 12th and 16th, whose centroids fall in the Bois de Vincennes and
 * near the Bois de Boulogne), half the radius of a disc of the arrondissement's surface, so
 * points stay inside it. Populations (INSEE 2021) weigh how many stations each one gets.
 */
const STATION_AREAS: {
  code: number;
  latitude: number;
  longitude: number;
  radiusMeters: number;
  population: number;
}[] = [
  { code: 1, latitude: 48.86256, longitude: 2.33644, radiusMeters: 380, population: 15917 },
  { code: 2, latitude: 48.86828, longitude: 2.3428, radiusMeters: 280, population: 21595 },
  { code: 3, latitude: 48.86287, longitude: 2.36, radiusMeters: 305, population: 33000 },
  { code: 4, latitude: 48.85434, longitude: 2.35763, radiusMeters: 355, population: 28324 },
  { code: 5, latitude: 48.84444, longitude: 2.35071, radiusMeters: 450, population: 56841 },
  { code: 6, latitude: 48.84913, longitude: 2.3329, radiusMeters: 415, population: 40209 },
  { code: 7, latitude: 48.85617, longitude: 2.31219, radiusMeters: 570, population: 48520 },
  { code: 8, latitude: 48.87272, longitude: 2.31255, radiusMeters: 555, population: 35418 },
  { code: 9, latitude: 48.87716, longitude: 2.33746, radiusMeters: 415, population: 59629 },
  { code: 10, latitude: 48.87613, longitude: 2.36073, radiusMeters: 480, population: 83543 },
  { code: 11, latitude: 48.85906, longitude: 2.38006, radiusMeters: 540, population: 142583 },
  { code: 12, latitude: 48.842, longitude: 2.39, radiusMeters: 900, population: 139297 },
  { code: 13, latitude: 48.82839, longitude: 2.36227, radiusMeters: 755, population: 178350 },
  { code: 14, latitude: 48.82924, longitude: 2.32654, radiusMeters: 670, population: 134382 },
  { code: 15, latitude: 48.84009, longitude: 2.29283, radiusMeters: 820, population: 227746 },
  { code: 16, latitude: 48.858, longitude: 2.276, radiusMeters: 900, population: 165062 },
  { code: 17, latitude: 48.88733, longitude: 2.30678, radiusMeters: 670, population: 166543 },
  { code: 18, latitude: 48.89257, longitude: 2.34816, radiusMeters: 690, population: 191135 },
  { code: 19, latitude: 48.88708, longitude: 2.38482, radiusMeters: 735, population: 184787 },
  { code: 20, latitude: 48.86346, longitude: 2.40119, radiusMeters: 690, population: 193601 },
];

/**
 * The streams of a Trilib' station, with the share of stations that have each, the pilot's
 * module capacities and densities (kg per litre), and how fast a container fills (share a day).
 */
const STREAM_PROFILES: {
  stream: WasteStream;
  code: string;
  share: number;
  capacityLitres: number;
  density: number;
  dailyRate: [number, number];
}[] = [
  {
    stream: WasteStream.GLASS,
    code: 'V',
    share: 1,
    capacityLitres: 500,
    density: 0.3,
    dailyRate: [0.08, 0.22],
  },
  {
    stream: WasteStream.PACKAGING_PAPER,
    code: 'PM',
    share: 1,
    capacityLitres: 770,
    density: 0.04,
    dailyRate: [0.15, 0.35],
  },
  {
    stream: WasteStream.CARDBOARD,
    code: 'P',
    share: 0.6,
    capacityLitres: 770,
    density: 0.2,
    dailyRate: [0.1, 0.3],
  },
  {
    stream: WasteStream.TEXTILE,
    code: 'T',
    share: 0.3,
    capacityLitres: 1000,
    density: 0.15,
    dailyRate: [0.03, 0.1],
  },
  {
    stream: WasteStream.FOOD_WASTE,
    code: 'B',
    share: 0.25,
    capacityLitres: 400,
    density: 0.5,
    dailyRate: [0.15, 0.35],
  },
];

const OUT_OF_SERVICE_SHARE = 0.03;

/** At least the guaranteed minimum everywhere, the rest in proportion to population (largest remainders). */
export function stationsPerArrondissement(total = TRILIB_STATIONS): Map<number, number> {
  const spare = total - MIN_STATIONS_PER_ARRONDISSEMENT * STATION_AREAS.length;
  const population = STATION_AREAS.reduce((sum, area) => sum + area.population, 0);
  const shares = STATION_AREAS.map((area) => ({
    code: area.code,
    exact: (spare * area.population) / population,
  }));
  const counts = new Map(
    shares.map((share) => [share.code, MIN_STATIONS_PER_ARRONDISSEMENT + Math.floor(share.exact)]),
  );
  const left = spare - shares.reduce((sum, share) => sum + Math.floor(share.exact), 0);
  [...shares]
    .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.code - b.code)
    .slice(0, left)
    .forEach((share) => counts.set(share.code, (counts.get(share.code) ?? 0) + 1));
  return counts;
}

const ordinal = (code: number): string => (code === 1 ? '1er' : `${code}e`);
const day = (time: number): string => new Date(time).toISOString().slice(0, 10).replace(/-/g, '');
const level = (value: number): number => Math.round(Math.min(Math.max(value, 0), 1) * 100) / 100;

/**
 * The 1,000 Trilib' stations of the roll-out, with their containers and a history of daily
 * fill levels and collections ending at HISTORY_END. `scale` multiplies the days of history
 * (7 per unit; at least one); the number of stations is the brochure's whatever the scale.
 */
export function generateTrilibStations(options: Pick<SeedOptions, 'seed' | 'scale'>): WasteDataset {
  const random = new SeededRandom(options.seed, 'waste-stations');
  const days = Math.max(1, Math.round(HISTORY_DAYS_PER_SCALE * options.scale));
  const start = HISTORY_END.getTime() - days * DAY;
  const dataset: WasteDataset = {
    datasetId: GENERATED_DATASET,
    provenance: Provenance.GENERATED,
    source: "seeded generator (1,000 Trilib' stations of the brochure)",
    stations: [],
    containers: [],
    observations: [],
    collections: [],
    seed: options.seed,
    scale: options.scale,
    skipped: [],
  };
  const counts = stationsPerArrondissement();
  for (const area of STATION_AREAS) {
    for (let index = 1; index <= (counts.get(area.code) ?? 0); index += 1) {
      const id = wasteStationId(area.code, index);
      const inService = !random.chance(OUT_OF_SERVICE_SHARE);
      const profiles = STREAM_PROFILES.filter((profile) => random.chance(profile.share));
      dataset.stations.push(
        station({
          id,
          name: `Trilib' Paris ${ordinal(area.code)} n°${index}`,
          category: WasteStationCategory.TRILIB,
          status: inService ? WasteStationStatus.ACTIVE : WasteStationStatus.OUT_OF_SERVICE,
          address: null,
          addressDetail: null,
          postalCode: `750${String(area.code).padStart(2, '0')}`,
          arrondissementCode: area.code,
          ...random.pointNear(area.latitude, area.longitude, area.radiusMeters),
          acceptedStreams: profiles.map((profile) => profile.stream),
          openingHours: null,
          schedule: null,
          dateServiceStarted: new Date(Date.UTC(2019, 2, 1) + random.integer(0, 5 * 365) * DAY),
          dataset: GENERATED_DATASET,
          provenance: Provenance.GENERATED,
        }),
      );
      for (const profile of profiles) {
        const containerId = `${id}-${profile.code}`;
        const rate = random.between(...profile.dailyRate);
        // Each container's history draws from its own stream, so a longer history keeps the same stations.
        const history = new SeededRandom(options.seed, containerId);
        let filling = history.between(0, 0.6);
        let emptiedAt = start - Math.round(history.between(0.5, 4) * 24) * HOUR;
        let observedAt: number | null = null;
        if (inService) {
          const collectFrom = history.between(0.7, 0.9);
          for (let dayStart = start; dayStart < HISTORY_END.getTime(); dayStart += DAY) {
            if (filling >= collectFrom) {
              emptiedAt = dayStart + 5 * HOUR + history.integer(0, 90) * 60_000;
              dataset.collections.push(
                collection({
                  id: `${containerId}-${day(dayStart)}`,
                  stationId: id,
                  stream: profile.stream,
                  collectedAt: new Date(emptiedAt),
                  weightKg:
                    Math.round(
                      filling * profile.capacityLitres * profile.density * history.between(0.9, 1.1) * 10,
                    ) / 10,
                  recordedAt: new Date(emptiedAt),
                  provenance: Provenance.GENERATED,
                }),
              );
              filling = 0;
            }
            filling = level(filling + rate * Math.max(0, history.normal(1, 0.25)));
            observedAt = dayStart + 11 * HOUR + history.integer(0, 30) * 60_000;
            dataset.observations.push(
              observation({
                reportId: null,
                containerId,
                fillingLevel: filling,
                observedAt: new Date(observedAt),
                receivedAt: new Date(observedAt),
                provenance: Provenance.GENERATED,
              }),
            );
          }
        }
        dataset.containers.push(
          container({
            id: containerId,
            stationId: id,
            stream: profile.stream,
            storedWasteKind: STORED_WASTE_KINDS[profile.stream],
            capacityLitres: profile.capacityLitres,
            model: `Trilib' ${profile.capacityLitres} L`,
            manufacturer: null,
            serialNumber: containerId,
            fillingLevel: observedAt === null ? null : filling,
            dateLastFillingLevel: observedAt === null ? null : new Date(observedAt),
            dateLastEmptying: new Date(emptiedAt),
            averageDailyFillingRate: Math.round(rate * 1000) / 1000,
            provenance: Provenance.GENERATED,
          }),
        );
      }
    }
  }
  return dataset;
}
