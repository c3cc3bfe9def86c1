import { In, type DataSource, type EntityManager } from 'typeorm';
import { Provenance } from '#platform/city';
import { badInput, conflict } from '#platform/errors';
import { validateIdentifier, validatePast } from '#platform/ingestion-checks';
import { MeterKind } from '../meter/meter.entity';
import { MeterReading } from '../meter-reading/meter-reading.entity';
import { rollUpInsertedReadings } from '../meter-reading-rollup/meter-reading-rollup.service';
import { appendReadingEvent } from '../reading-event/reading-event.service';
import type { RecordMeterReadingsPayload } from './ingestion.entity';
import type { MeterReadingInput, RecordMeterReadingsInput } from './ingestion.input';

/** One call stays one bounded transaction (and one bounded event burst for subscribers). */
export const MAX_READINGS_PER_BATCH = 1000;
/**
 * Readings sent by sensors and operators are measurements of the City's own meters; the same
 * provenance the waste subgraph gives its sensors' reports.
 */
const INGESTED = Provenance.OPEN_DATA;

interface MeterPlace {
  id: string;
  kind: MeterKind;
  buildingId: string;
  districtId: string | null;
  arrondissement: number;
}

interface StoredReading {
  id: string;
  readingId: string;
}

function validateReading(reading: MeterReadingInput, index: number): void {
  const at = (field: string) => `input.readings[${index}].${field}`;
  validateIdentifier(reading.readingId, at('readingId'));
  if (!(reading.value >= 0)) {
    throw badInput(`\`${at('value')}\` must be 0 or more (got ${reading.value})`, at('value'));
  }
  if (reading.power !== null && reading.power !== undefined && !(reading.power >= 0)) {
    throw badInput(`\`${at('power')}\` must be 0 or more kW (got ${reading.power})`, at('power'));
  }
  validatePast(reading.observedAt, at('observedAt'));
}

/** Within one batch a reading id, and a meter's instant, may appear once. */
function validateBatch(readings: MeterReadingInput[]): void {
  if (readings.length === 0 || readings.length > MAX_READINGS_PER_BATCH) {
    throw badInput(
      `\`input.readings\` must hold 1 to ${MAX_READINGS_PER_BATCH} readings (got ${readings.length})`,
      'input.readings',
    );
  }
  const ids = new Set<string>();
  const instants = new Set<string>();
  readings.forEach((reading, index) => {
    validateReading(reading, index);
    const instant = `${reading.meterId}@${reading.observedAt.toISOString()}`;
    if (ids.has(reading.readingId) || instants.has(instant)) {
      throw badInput(
        `\`input.readings[${index}]\` repeats a readingId or a meter's observedAt of the same batch`,
        `input.readings[${index}]`,
      );
    }
    ids.add(reading.readingId);
    instants.add(instant);
  });
}

function sameReading(stored: MeterReading, sent: MeterReadingInput): boolean {
  return (
    stored.meterId === sent.meterId &&
    stored.observedAt.getTime() === sent.observedAt.getTime() &&
    stored.value === sent.value &&
    stored.power === (sent.power ?? null)
  );
}

/**
 * The write path of meter readings: one batch is one transaction that checks every reading,
 * stores the new ones, adds them to the hourly and daily roll-ups and appends one event per
 * stored reading; a replayed reading (same `readingId`, same content) is answered as stored, a
 * reused id with other content is a conflict.
 */
export class EnergyIngestionService {
  constructor(private readonly db: DataSource) {}

  async recordMeterReadings(input: RecordMeterReadingsInput): Promise<RecordMeterReadingsPayload> {
    const readings = input.readings;
    validateBatch(readings);
    return this.db.transaction(async (manager) => {
      const meters = await this.meters(manager, readings);
      const previous = await this.previousReadings(manager, readings);
      const fresh = readings.filter((reading) => !previous.has(reading.readingId));
      const stored = fresh.length > 0 ? await this.insert(manager, fresh) : [];
      const rowIds = new Map(stored.map((row) => [row.readingId, row.id]));
      if (stored.length < fresh.length) {
        // A row was skipped: the same readingId committed concurrently (a replay), or the meter
        // already has a reading at that instant under another id (a conflict that fails the batch).
        const late = await this.previousReadings(manager, fresh);
        const clash = fresh.find((reading) => !rowIds.has(reading.readingId) && !late.has(reading.readingId));
        if (clash) {
          throw conflict(
            `Meter ${clash.meterId} already has a reading at ${clash.observedAt.toISOString()} (readingId "${clash.readingId}")`,
          );
        }
      }
      // Only the rows this statement inserted: a replayed reading is already in the roll-ups.
      await rollUpInsertedReadings(
        manager,
        stored.map((row) => row.id),
      );
      for (const reading of fresh) {
        const id = rowIds.get(reading.readingId);
        if (id === undefined) continue;
        const meter = meters.get(reading.meterId) as MeterPlace;
        await appendReadingEvent(manager, {
          id,
          readingId: reading.readingId,
          meterId: meter.id,
          buildingId: meter.buildingId,
          districtId: meter.districtId,
          arrondissement: meter.arrondissement,
          observedAt: reading.observedAt.toISOString(),
          value: reading.value,
          power: reading.power ?? null,
          provenance: INGESTED,
        });
      }
      const all = await manager.find(MeterReading, {
        where: { readingId: In(readings.map((reading) => reading.readingId)) },
      });
      const byId = new Map(all.map((row) => [row.readingId, row]));
      return {
        recorded: stored.length,
        replayed: readings.length - stored.length,
        readings: readings.map((reading) => byId.get(reading.readingId) as MeterReading),
      };
    });
  }

  /** The meters of the batch with their place; an unknown meter, or power on a water meter, fails the batch. */
  private async meters(
    manager: EntityManager,
    readings: MeterReadingInput[],
  ): Promise<Map<string, MeterPlace>> {
    const rows = await manager.query<MeterPlace[]>(
      `SELECT m.id, m.kind, b.id AS "buildingId", b.district_id AS "districtId", b.arrondissement_code AS arrondissement
         FROM meter m JOIN building b ON b.id = m.building_id WHERE m.id = ANY($1)`,
      [[...new Set(readings.map((reading) => reading.meterId))]],
    );
    const meters = new Map(rows.map((row) => [row.id, row]));
    readings.forEach((reading, index) => {
      const meter = meters.get(reading.meterId);
      if (!meter) {
        throw badInput(`There is no meter "${reading.meterId}"`, `input.readings[${index}].meterId`);
      }
      if (meter.kind === MeterKind.WATER && reading.power !== null && reading.power !== undefined) {
        throw badInput(`Meter ${meter.id} counts water: it has no power`, `input.readings[${index}].power`);
      }
    });
    return meters;
  }

  /** Readings already stored under the batch's ids; each must be the very same reading. */
  private async previousReadings(
    manager: EntityManager,
    readings: MeterReadingInput[],
  ): Promise<Map<string, MeterReading>> {
    const rows = await manager.find(MeterReading, {
      where: { readingId: In(readings.map((reading) => reading.readingId)) },
    });
    const previous = new Map(rows.map((row) => [row.readingId as string, row]));
    for (const reading of readings) {
      const stored = previous.get(reading.readingId);
      if (stored && !sameReading(stored, reading)) {
        throw conflict(`readingId "${reading.readingId}" was already used for a different reading`);
      }
    }
    return previous;
  }

  /** One statement for the whole batch; rows that clash with a stored reading are skipped, not failed. */
  private insert(manager: EntityManager, readings: MeterReadingInput[]): Promise<StoredReading[]> {
    return manager.query<StoredReading[]>(
      `INSERT INTO meter_reading (reading_id, meter_id, observed_at, value, power, provenance)
       SELECT reading_id, meter_id, observed_at, value, power, $6
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[])
           AS batch (reading_id, meter_id, observed_at, value, power)
       ON CONFLICT DO NOTHING
       RETURNING id::text AS id, reading_id AS "readingId"`,
      [
        readings.map((reading) => reading.readingId),
        readings.map((reading) => reading.meterId),
        readings.map((reading) => reading.observedAt.toISOString()),
        readings.map((reading) => reading.value),
        readings.map((reading) => reading.power ?? null),
        INGESTED,
      ],
    );
  }
}
