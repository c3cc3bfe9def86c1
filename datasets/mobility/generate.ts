import { Provenance } from '#platform/city';
import { SeededRandom } from '#platform/random';
import {
  AccompanimentCancellationReason,
  AccompanimentPurpose,
  AccompanimentRequest,
  AccompanimentStatus,
  AccompanimentTransportMode,
  approximatePoint,
} from '#mobility/modules/accompaniment-request/accompaniment-request.entity';
import { Beneficiary, MobilityAid } from '#mobility/modules/beneficiary/beneficiary.entity';
import { Volunteer } from '#mobility/modules/volunteer/volunteer.entity';
import { ARRONDISSEMENTS } from '../territory/reference';

/**
 * Paris does not publish Paris en Compagnie's records (they are about identifiable elderly
 * people), so the platform generates a plausible history instead, grounded on the brochure: the
 * service started in 2019; volunteers accompany isolated elderly people on foot or by public
 * transport within Paris, to medical appointments, shopping, walks, administrative errands,
 * culture and neighbourhood activities; requests come in by phone and volunteers pick them by
 * geolocation. Everything is fictitious: names drawn from common French names, addresses on
 * made-up streets, phone numbers in the ranges ARCEP reserves for fiction (01 99 00, 06 39 98),
 * e-mails at example.org.
 *
 * At scale 1: 320 volunteers, 1,400 beneficiaries aged 75 and over, 6,000 requests from March
 * 2019 to a snapshot on 30 June 2026, plus a backlog of 60 pending ones. `scale` multiplies the
 * three populations and the backlog; the period stays the same.
 */
export const SERVICE_LAUNCH = new Date('2019-03-01T08:00:00Z');
/** The moment the generated history stops: what is OPEN, ACCEPTED or IN_PROGRESS is so at this instant. */
export const SNAPSHOT = new Date('2026-06-30T14:00:00Z');

export const BASE_VOLUNTEERS = 320;
export const BASE_BENEFICIARIES = 1400;
export const BASE_REQUESTS = 6000;
export const BASE_BACKLOG = 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const WOMEN = [
  'Jeanne',
  'Marie',
  'Simone',
  'Paulette',
  'Jacqueline',
  'Monique',
  'Germaine',
  'Suzanne',
  'Odette',
  'Denise',
  'Yvette',
  'Colette',
  'Henriette',
  'Madeleine',
  'Lucienne',
  'Ginette',
  'Micheline',
  'Renée',
  'Huguette',
  'Andrée',
  'Josette',
  'Raymonde',
  'Fatima',
  'Rosa',
  'Thi Lan',
];
const MEN = [
  'Jean',
  'André',
  'Pierre',
  'Marcel',
  'Roger',
  'René',
  'Robert',
  'Michel',
  'Georges',
  'Louis',
  'Henri',
  'Bernard',
  'Lucien',
  'Raymond',
  'Maurice',
  'Ahmed',
  'Antonio',
  'Jacques',
];
const VOLUNTEER_NAMES = [
  'Camille',
  'Léa',
  'Thomas',
  'Lucas',
  'Inès',
  'Hugo',
  'Sarah',
  'Nicolas',
  'Julie',
  'Karim',
  'Amina',
  'Mathieu',
  'Chloé',
  'Antoine',
  'Fatou',
  'Mehdi',
  'Claire',
  'Julien',
  'Manon',
  'Yasmine',
  'Paul',
  'Sophie',
  'Élodie',
  'Baptiste',
  'Nadia',
  'François',
  'Anne',
  'Olivier',
  'Hélène',
  'Samir',
];
const FAMILY_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Nguyen',
  'Diallo',
  'Benali',
  'Cohen',
  'Da Silva',
  'Lemoine',
  'Chevalier',
  'Perrin',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
];
const STREETS = [
  'rue des Lilas',
  'rue du Moulin',
  'rue de la Fontaine',
  'rue des Écoles',
  'avenue des Tilleuls',
  'rue du Marché',
  'passage des Artistes',
  'rue des Jardins',
  'boulevard du Parc',
  'rue de la Gare',
  'rue des Vignes',
  'villa des Peupliers',
  'rue du Lavoir',
  'impasse des Glycines',
  'rue des Acacias',
  'square des Platanes',
];

/** Relative share of people aged 75 and over per resident (the west and centre are older). */
const ELDERLY_FACTOR: Record<number, number> = {
  6: 1.3,
  7: 1.4,
  8: 1.3,
  15: 1.1,
  16: 1.5,
  17: 1.1,
  10: 0.8,
  11: 0.9,
  18: 0.9,
  19: 0.9,
  20: 0.9,
};

const PURPOSES: [AccompanimentPurpose, number][] = [
  [AccompanimentPurpose.MEDICAL_APPOINTMENT, 30],
  [AccompanimentPurpose.SHOPPING, 22],
  [AccompanimentPurpose.WALK, 18],
  [AccompanimentPurpose.ADMINISTRATIVE, 10],
  [AccompanimentPurpose.CULTURE, 8],
  [AccompanimentPurpose.SOCIAL_ACTIVITY, 9],
  [AccompanimentPurpose.OTHER, 3],
];
const TYPICAL_MINUTES: Record<AccompanimentPurpose, number> = {
  MEDICAL_APPOINTMENT: 120,
  SHOPPING: 90,
  WALK: 60,
  ADMINISTRATIVE: 90,
  CULTURE: 150,
  SOCIAL_ACTIVITY: 120,
  OTHER: 90,
};

export interface MobilityOptions {
  seed: number;
  scale: number;
}

export interface GeneratedMobility {
  volunteers: Volunteer[];
  beneficiaries: Beneficiary[];
  requests: AccompanimentRequest[];
}

export function validateMobilityOptions(options: MobilityOptions): void {
  if (!Number.isInteger(options.seed))
    throw new Error(`The mobility generator needs an integer seed (got ${options.seed})`);
  if (!(Number.isFinite(options.scale) && options.scale > 0 && options.scale <= 100)) {
    throw new Error(`The mobility generator's scale must be above 0 and at most 100 (got ${options.scale})`);
  }
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]+/g, '')
    .toLowerCase();

/** Spreads a person's home around the arrondissement's centre, within it for all practical purposes. */
function homeIn(random: SeededRandom, code: number): { latitude: number; longitude: number } {
  const reference = ARRONDISSEMENTS[code - 1];
  const radius = Math.min(1500, 0.55 * Math.sqrt(reference.surfaceM2 / Math.PI));
  const point = random.pointNear(reference.latitude, reference.longitude, radius);
  return { latitude: Number(point.latitude.toFixed(6)), longitude: Number(point.longitude.toFixed(6)) };
}

/** Sorted instants between two dates, denser towards the end when `bias` < 1 (the service grew). */
function instants(random: SeededRandom, count: number, from: Date, to: Date, bias: number): Date[] {
  const span = to.getTime() - from.getTime();
  return Array.from({ length: count }, () => from.getTime() + span * random.next() ** bias)
    .sort((a, b) => a - b)
    .map((time) => new Date(Math.floor(time / MINUTE) * MINUTE));
}

/** How many of the instants are at or before `time` (they are sorted). */
function countUntil(sorted: Date[], time: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].getTime() <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function arrondissementWeights(): [number, number][] {
  return ARRONDISSEMENTS.map((entry) => [entry.code, entry.population * (ELDERLY_FACTOR[entry.code] ?? 1)]);
}

function generateVolunteers(options: MobilityOptions): Volunteer[] {
  const random = new SeededRandom(options.seed, 'mobility-volunteers');
  const count = Math.max(20, Math.round(BASE_VOLUNTEERS * options.scale));
  const populations: [number, number][] = ARRONDISSEMENTS.map((entry) => [entry.code, entry.population]);
  // The first twenty volunteers were there at the launch; the others joined as the service grew.
  const joined = [
    ...Array.from({ length: 20 }, () => SERVICE_LAUNCH),
    ...instants(random, count - 20, SERVICE_LAUNCH, new Date(SNAPSHOT.getTime() - 7 * DAY), 0.8),
  ];
  return joined.map((joinedAt, index) => {
    const givenName = random.pick(VOLUNTEER_NAMES);
    const familyName = random.pick(FAMILY_NAMES);
    return Object.assign(new Volunteer(), {
      id: `VOL-${pad(index + 1, 4)}`,
      givenName,
      familyName,
      phone: `06 39 98 ${pad(random.integer(0, 99), 2)} ${pad(random.integer(0, 99), 2)}`,
      email: `${plain(givenName)}.${plain(familyName)}.${index + 1}@example.org`,
      arrondissementCode: random.weighted(populations),
      joinedAt,
      active: random.chance(0.82),
      provenance: Provenance.GENERATED,
    });
  });
}

function generateBeneficiaries(options: MobilityOptions): Beneficiary[] {
  const random = new SeededRandom(options.seed, 'mobility-beneficiaries');
  const count = Math.max(20, Math.round(BASE_BENEFICIARIES * options.scale));
  const weights = arrondissementWeights();
  const registered = [
    SERVICE_LAUNCH,
    ...instants(random, count - 1, SERVICE_LAUNCH, new Date(SNAPSHOT.getTime() - 3 * DAY), 0.9),
  ];
  return registered.map((registeredAt, index) => {
    const code = random.weighted(weights);
    const woman = random.chance(0.72);
    const home = homeIn(random, code);
    const postalCode = code === 16 && random.chance(0.5) ? '75116' : `750${pad(code, 2)}`;
    return Object.assign(new Beneficiary(), {
      id: `BEN-${pad(index + 1, 5)}`,
      givenName: random.pick(woman ? WOMEN : MEN),
      familyName: random.pick(FAMILY_NAMES),
      phone: `01 99 00 ${pad(random.integer(0, 99), 2)} ${pad(random.integer(0, 99), 2)}`,
      streetAddress: `${random.integer(1, 120)} ${random.pick(STREETS)}`,
      postalCode,
      arrondissementCode: code,
      latitude: home.latitude,
      longitude: home.longitude,
      birthYear: registeredAt.getUTCFullYear() - random.integer(75, 97),
      mobilityAid: random.weighted([
        [MobilityAid.NONE, 45],
        [MobilityAid.CANE, 30],
        [MobilityAid.WALKER, 20],
        [MobilityAid.WHEELCHAIR, 5],
      ]),
      registeredAt,
      provenance: Provenance.GENERATED,
    });
  });
}

/** Requests per month: a ramp-up after the launch, growth since, the lockdowns, quieter Augusts. */
function monthWeight(year: number, month: number, index: number): number {
  let weight = Math.min(1, (index + 1) / 8) * (1 + 0.1 * (year - 2019));
  if (year === 2020 && month >= 3 && month <= 5) weight *= 0.15;
  if (year === 2020 && month >= 10) weight *= 0.6;
  if (month === 8) weight *= 0.7;
  return weight;
}

/** Request creation instants, month by month (largest-remainder split of the total). */
function creationInstants(random: SeededRandom, total: number): Date[] {
  const months: { start: Date; end: Date; weight: number }[] = [];
  for (let cursor = new Date(SERVICE_LAUNCH); cursor < SNAPSHOT;) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1, 8));
    months.push({
      start: cursor,
      end: next < SNAPSHOT ? next : SNAPSHOT,
      weight: monthWeight(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, months.length),
    });
    cursor = next;
  }
  const sum = months.reduce((acc, entry) => acc + entry.weight, 0);
  const exact = months.map((entry) => (total * entry.weight) / sum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => [value - Math.floor(value), index])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((acc, value) => acc + value, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k][1]] += 1;
  return months.flatMap((entry, index) => instants(random, counts[index], entry.start, entry.end, 1));
}

/** Outings happen in the daytime, on the half hour (07:00–15:30 UTC, about 9:00–17:30 in Paris). */
function slotAfter(random: SeededRandom, created: Date, minDays: number, maxDays: number): Date {
  const day = new Date(created.getTime() + random.integer(minDays, maxDays) * DAY);
  return new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      random.integer(7, 15),
      random.pick([0, 30]),
    ),
  );
}

export function generateMobility(options: MobilityOptions): GeneratedMobility {
  validateMobilityOptions(options);
  const volunteers = generateVolunteers(options);
  const beneficiaries = generateBeneficiaries(options);
  const random = new SeededRandom(options.seed, 'mobility-requests');
  const registeredAt = beneficiaries.map((entry) => entry.registeredAt);
  const joinedAt = volunteers.map((entry) => entry.joinedAt);
  const volunteersByArrondissement = new Map<number, Volunteer[]>();
  for (const volunteer of volunteers) {
    volunteersByArrondissement.set(volunteer.arrondissementCode, [
      ...(volunteersByArrondissement.get(volunteer.arrondissementCode) ?? []),
      volunteer,
    ]);
  }

  /** Someone who had joined by `time`: from the same arrondissement seven times out of ten; active if the mission is live. */
  const volunteerFor = (code: number, time: Date, mustBeActive: boolean): Volunteer => {
    const local = volunteersByArrondissement.get(code) ?? [];
    const localJoined = countUntil(
      local.map((entry) => entry.joinedAt),
      time.getTime(),
    );
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate =
        localJoined > 0 && random.chance(0.7)
          ? local[random.integer(0, localJoined - 1)]
          : volunteers[random.integer(0, Math.max(0, countUntil(joinedAt, time.getTime()) - 1))];
      if (!mustBeActive || candidate.active) return candidate;
    }
    return volunteers.find((entry) => entry.active) ?? volunteers[0];
  };

  type Draft = Omit<AccompanimentRequest, 'approximateLocation' | 'location'>;
  const drafts: Draft[] = [];
  const draft = (created: Date, requestedFor: Date, pending: boolean) => {
    const beneficiary =
      beneficiaries[random.integer(0, Math.max(0, countUntil(registeredAt, created.getTime()) - 1))];
    const purpose = random.weighted(PURPOSES);
    const walk = purpose === AccompanimentPurpose.WALK ? random.chance(0.9) : random.chance(0.3);
    const durationMinutes = Math.min(
      300,
      Math.max(30, Math.round(random.normal(TYPICAL_MINUTES[purpose], 25) / 15) * 15),
    );
    const approximate = approximatePoint(beneficiary.latitude, beneficiary.longitude);
    const request: Draft = {
      id: '',
      clientRequestId: null,
      beneficiaryId: beneficiary.id,
      volunteerId: null,
      status: AccompanimentStatus.OPEN,
      purpose,
      transportMode: walk ? AccompanimentTransportMode.WALK : AccompanimentTransportMode.PUBLIC_TRANSPORT,
      requestedFor,
      durationMinutes,
      arrondissementCode: beneficiary.arrondissementCode,
      latitude: approximate.latitude,
      longitude: approximate.longitude,
      exactLatitude: beneficiary.latitude,
      exactLongitude: beneficiary.longitude,
      createdAt: created,
      acceptedAt: null,
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancellationReason: null,
      provenance: Provenance.GENERATED,
    };
    // Volunteers answer within hours, rarely days; never later than half an hour before the outing.
    const latestAccept = requestedFor.getTime() - 30 * MINUTE;
    const response = Math.min(
      Math.exp(random.normal(Math.log(150), 1.1)) * MINUTE,
      latestAccept - created.getTime(),
    );
    const acceptedAt = new Date(
      created.getTime() + Math.max(5 * MINUTE, Math.round(response / MINUTE) * MINUTE),
    );
    const accept = (mustBeActive: boolean) => {
      request.volunteerId = volunteerFor(request.arrondissementCode, acceptedAt, mustBeActive).id;
      request.acceptedAt = acceptedAt;
    };
    const outcome = random.next();
    if (pending) {
      if (random.chance(0.3)) {
        request.status = AccompanimentStatus.ACCEPTED;
        accept(true);
        request.acceptedAt = new Date(Math.min(acceptedAt.getTime(), SNAPSHOT.getTime()));
      }
    } else if (requestedFor.getTime() + durationMinutes * MINUTE < SNAPSHOT.getTime()) {
      if (outcome < 0.05) {
        request.status = AccompanimentStatus.CANCELLED;
        request.cancellationReason = AccompanimentCancellationReason.NO_VOLUNTEER_AVAILABLE;
        request.cancelledAt = new Date(latestAccept);
      } else if (outcome < 0.12) {
        request.status = AccompanimentStatus.CANCELLED;
        request.cancellationReason = random.weighted([
          [AccompanimentCancellationReason.BENEFICIARY_REQUEST, 6],
          [AccompanimentCancellationReason.HEALTH, 3],
          [AccompanimentCancellationReason.OTHER, 1],
        ]);
        request.cancelledAt = new Date(
          created.getTime() + random.between(0.2, 0.9) * (requestedFor.getTime() - created.getTime()),
        );
        if (request.cancelledAt > acceptedAt) accept(false);
      } else if (outcome < 0.14) {
        accept(false);
        request.status = AccompanimentStatus.CANCELLED;
        request.cancellationReason = AccompanimentCancellationReason.VOLUNTEER_UNAVAILABLE;
        request.cancelledAt = new Date(Math.max(acceptedAt.getTime() + HOUR, latestAccept));
      } else {
        accept(false);
        request.status = AccompanimentStatus.COMPLETED;
        request.startedAt = new Date(requestedFor.getTime() + random.integer(-5, 15) * MINUTE);
        request.completedAt = new Date(
          request.startedAt.getTime() + (durationMinutes + random.integer(-15, 20)) * MINUTE,
        );
      }
    } else if (acceptedAt < SNAPSHOT) {
      accept(true);
      request.status =
        requestedFor <= SNAPSHOT ? AccompanimentStatus.IN_PROGRESS : AccompanimentStatus.ACCEPTED;
      if (requestedFor <= SNAPSHOT) request.startedAt = requestedFor;
    }
    drafts.push(request);
  };

  const total = Math.round(BASE_REQUESTS * options.scale);
  for (const created of creationInstants(random, total))
    draft(created, slotAfter(random, created, 1, 10), false);
  const backlog = Math.round(BASE_BACKLOG * options.scale);
  for (const created of instants(random, backlog, new Date(SNAPSHOT.getTime() - 3 * DAY), SNAPSHOT, 1)) {
    draft(created, slotAfter(random, SNAPSHOT, 1, 14), true);
  }
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const requests = drafts.map((entry, index) =>
    Object.assign(new AccompanimentRequest(), entry, { id: `REQ-${pad(index + 1, 6)}` }),
  );
  return { volunteers, beneficiaries, requests };
}
