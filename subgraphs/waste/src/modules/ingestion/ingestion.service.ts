import type { DataSource, EntityManager } from 'typeorm';
import { Provenance } from '#platform/city';
import { EntityRows } from '#platform/entity-rows';
import { badInput, conflict } from '#platform/errors';
import { validateIdentifier, validatePast } from '#platform/ingestion-checks';
import { WasteCollection } from '../collection/collection.entity';
import { FillingLevelObservation } from '../observation/observation.entity';
import { WasteStationEventKind } from '../station-event/station-event.entity';
import { appendStationEvent } from '../station-event/station-event.service';
import type { WasteStream } from '../../waste-stream';
import type { RecordCollectionInput, ReportFillLevelInput } from './ingestion.input';

/** Far above any station's load (a full 770 L Trilib' module of glass is about 230 kg). */
const MAX_COLLECTION_KG = 10_000;

/** What a mutation needs to know of the station it names; null when there is none. */
interface StationFacts {
  arrondissement: number;
  acceptedStreams: WasteStream[];
}

/** The container state a report may move: its level before the report is the event's previous one. */
interface ContainerLevel {
  id: string;
  fillingLevel: number | null;
}

/** A report stored under the same reportId, with the station and stream of its container. */
interface StoredReport {
  observation: FillingLevelObservation;
  stationId: string;
  stream: WasteStream;
}

/** One row of a lookup: the stored entity's columns (all null when there is none) and the station's. */
type LookupRow = Record<string, unknown> & {
  id: string | null;
  stationFound: boolean;
  arrondissement: number | null;
  acceptedStreams: WasteStream[] | null;
};

/**
 * The write path of the waste subgraph. Each mutation is one method running one transaction: it
 * checks the request, appends to the history, and moves the current state forward only when the
 * news is newer than what is known (late reports land in the history, never rewind the state).
 * Each change that moves a station's state is appended to the event log in the same transaction.
 * Sensors report in real time, so each step is one statement: what the request needs to know is
 * read at once (lookUp…), and the history and the state are written at once (insert…).
 */
export class WasteIngestionService {
  constructor(private readonly db: DataSource) {}

  async reportFillLevel(input: ReportFillLevelInput): Promise<FillingLevelObservation> {
    validateIdentifier(input.reportId, 'input.reportId');
    if (!(input.fillingLevel >= 0 && input.fillingLevel <= 1)) {
      throw badInput(
        `\`input.fillingLevel\` must be between 0 and 1 (got ${input.fillingLevel})`,
        'input.fillingLevel',
      );
    }
    validatePast(input.observedAt, 'input.observedAt');
    return this.db.transaction(async (manager) => {
      const known = await this.lookUpReport(manager, input);
      if (known.previous) return replayedReport(known.previous, input);
      const station = existingStation(known.station, input.stationId);
      const container = targetContainer(input, station, known.containers);
      const stored = await this.insertReport(manager, input, container.id);
      // Nothing inserted: the same report committed concurrently since we looked.
      if (!stored) {
        const { previous } = await this.lookUpReport(manager, input);
        return replayedReport(previous as StoredReport, input);
      }
      // Subscribers hear of the report only when it moved the current state (late ones are history).
      if (stored.moved) {
        await appendStationEvent(manager, {
          kind: WasteStationEventKind.FILL_LEVEL,
          stationId: input.stationId,
          arrondissement: station.arrondissement,
          stream: input.stream,
          fillingLevel: input.fillingLevel,
          previousFillingLevel: container.fillingLevel,
          observedAt: input.observedAt,
        });
      }
      return stored.observation;
    });
  }

  async recordCollection(input: RecordCollectionInput): Promise<WasteCollection> {
    validateIdentifier(input.collectionId, 'input.collectionId');
    if (!(input.weightKg >= 0 && input.weightKg <= MAX_COLLECTION_KG)) {
      throw badInput(
        `\`input.weightKg\` must be between 0 and ${MAX_COLLECTION_KG} (got ${input.weightKg})`,
        'input.weightKg',
      );
    }
    validatePast(input.collectedAt, 'input.collectedAt');
    return this.db.transaction(async (manager) => {
      const known = await this.lookUpCollection(manager, input);
      if (known.previous) return replayedCollection(known.previous, input);
      const station = existingStation(known.station, input.stationId);
      if (!station.acceptedStreams.includes(input.stream)) {
        throw badInput(
          `Station ${input.stationId} does not take ${input.stream} (its streams: ${station.acceptedStreams.join(', ')})`,
          'input.stream',
        );
      }
      const collection = await this.insertCollection(manager, input);
      if (!collection) {
        const { previous } = await this.lookUpCollection(manager, input);
        return replayedCollection(previous as WasteCollection, input);
      }
      await appendStationEvent(manager, {
        kind: WasteStationEventKind.COLLECTION,
        stationId: input.stationId,
        arrondissement: station.arrondissement,
        stream: input.stream,
        fillingLevel: 0,
        previousFillingLevel: null,
        observedAt: input.collectedAt,
      });
      return collection;
    });
  }

  /**
   * In one statement: the report already stored under this reportId (with its container's station
   * and stream), the station, and its containers of the stream in id order. One row always: each
   * part is looked up by a unique key beside a one-row base, null when missing.
   */
  private async lookUpReport(
    manager: EntityManager,
    input: ReportFillLevelInput,
  ): Promise<{ previous: StoredReport | null; station: StationFacts | null; containers: ContainerLevel[] }> {
    const observations = EntityRows.of(this.db, FillingLevelObservation);
    const [row] = await manager.query<
      (LookupRow & {
        previousStationId: string | null;
        previousStream: WasteStream | null;
        containers: ContainerLevel[];
      })[]
    >(
      `SELECT previous.*,
              previous_container.station_id AS "previousStationId",
              previous_container.stream AS "previousStream",
              station.id IS NOT NULL AS "stationFound",
              station.arrondissement_code AS arrondissement,
              station.accepted_streams AS "acceptedStreams",
              (SELECT coalesce(json_agg(json_build_object('id', id, 'fillingLevel', filling_level) ORDER BY id), '[]')
                 FROM waste_container WHERE station_id = $2 AND stream = $3) AS containers
       FROM (SELECT 1) AS one
       LEFT JOIN (SELECT ${observations.columns} FROM filling_level_observation WHERE report_id = $1) AS previous ON true
       LEFT JOIN waste_container AS previous_container ON previous_container.id = previous."containerId"
       LEFT JOIN waste_station AS station ON station.id = $2`,
      [input.reportId, input.stationId, input.stream],
    );
    return {
      previous:
        row.id === null
          ? null
          : {
              observation: observations.entity(row),
              stationId: row.previousStationId as string,
              stream: row.previousStream as WasteStream,
            },
      station: stationFacts(row),
      containers: row.containers,
    };
  }

  /**
   * Stores a new report and, unless it is late, moves its container to it, in one statement; null
   * when a report with this reportId was stored since the lookup (the insert then does nothing).
   */
  private async insertReport(
    manager: EntityManager,
    input: ReportFillLevelInput,
    containerId: string,
  ): Promise<{ observation: FillingLevelObservation; moved: boolean } | null> {
    const observations = EntityRows.of(this.db, FillingLevelObservation);
    const [row] = await manager.query<(Record<string, unknown> & { moved: boolean })[]>(
      `WITH inserted AS (
         INSERT INTO filling_level_observation (report_id, container_id, filling_level, observed_at, received_at, provenance)
         VALUES ($1, $2, $3, $4, now(), $5)
         ON CONFLICT (report_id) DO NOTHING
         RETURNING *
       ), moved AS (
         UPDATE waste_container SET filling_level = $3, date_last_filling_level = $4
          WHERE id = $2 AND EXISTS (SELECT FROM inserted)
            AND (date_last_filling_level IS NULL OR date_last_filling_level <= $4)
         RETURNING id
       )
       SELECT ${observations.columns}, EXISTS (SELECT FROM moved) AS moved FROM inserted`,
      [input.reportId, containerId, input.fillingLevel, input.observedAt, Provenance.OPEN_DATA],
    );
    return row ? { observation: observations.entity(row), moved: row.moved } : null;
  }

  /** In one statement: the collection already stored under this collectionId, and the station. */
  private async lookUpCollection(
    manager: EntityManager,
    input: RecordCollectionInput,
  ): Promise<{ previous: WasteCollection | null; station: StationFacts | null }> {
    const collections = EntityRows.of(this.db, WasteCollection);
    const [row] = await manager.query<LookupRow[]>(
      `SELECT previous.*,
              station.id IS NOT NULL AS "stationFound",
              station.arrondissement_code AS arrondissement,
              station.accepted_streams AS "acceptedStreams"
       FROM (SELECT 1) AS one
       LEFT JOIN (SELECT ${collections.columns} FROM waste_collection WHERE id = $1) AS previous ON true
       LEFT JOIN waste_station AS station ON station.id = $2`,
      [input.collectionId, input.stationId],
    );
    return {
      previous: row.id === null ? null : collections.entity(row),
      station: stationFacts(row),
    };
  }

  /**
   * Stores a new collection and empties the stream's containers, in one statement; null when a
   * collection with this id was stored since the lookup (the insert then does nothing).
   */
  private async insertCollection(
    manager: EntityManager,
    input: RecordCollectionInput,
  ): Promise<WasteCollection | null> {
    const collections = EntityRows.of(this.db, WasteCollection);
    // Emptied: observed containers drop to 0 unless a sensor has spoken since.
    const [row] = await manager.query<Record<string, unknown>[]>(
      `WITH inserted AS (
         INSERT INTO waste_collection (id, station_id, stream, collected_at, weight_kg, recorded_at, provenance)
         VALUES ($1, $2, $3, $4, $5, now(), $6)
         ON CONFLICT (id) DO NOTHING
         RETURNING *
       ), emptied AS (
         UPDATE waste_container SET
           date_last_emptying = GREATEST(date_last_emptying, $4),
           filling_level = CASE WHEN date_last_filling_level <= $4 THEN 0 ELSE filling_level END,
           date_last_filling_level = CASE WHEN date_last_filling_level <= $4 THEN $4 ELSE date_last_filling_level END
         WHERE station_id = $2 AND stream = $3 AND EXISTS (SELECT FROM inserted)
       )
       SELECT ${collections.columns} FROM inserted`,
      [
        input.collectionId,
        input.stationId,
        input.stream,
        input.collectedAt,
        input.weightKg,
        Provenance.OPEN_DATA,
      ],
    );
    return row ? collections.entity(row) : null;
  }
}

function stationFacts(row: LookupRow): StationFacts | null {
  if (!row.stationFound) return null;
  return { arrondissement: row.arrondissement as number, acceptedStreams: row.acceptedStreams ?? [] };
}

function existingStation(station: StationFacts | null, stationId: string): StationFacts {
  if (!station) throw badInput(`There is no waste station "${stationId}"`, 'input.stationId');
  return station;
}

/** A report already stored under this id: the same one again is answered as the first time, another is a conflict. */
function replayedReport(previous: StoredReport, input: ReportFillLevelInput): FillingLevelObservation {
  const { observation } = previous;
  const same =
    previous.stationId === input.stationId &&
    previous.stream === input.stream &&
    (!input.containerId || input.containerId === observation.containerId) &&
    observation.fillingLevel === input.fillingLevel &&
    observation.observedAt.getTime() === input.observedAt.getTime();
  if (!same) throw conflict(`reportId "${input.reportId}" was already used for a different report`);
  return observation;
}

function replayedCollection(previous: WasteCollection, input: RecordCollectionInput): WasteCollection {
  const same =
    previous.stationId === input.stationId &&
    previous.stream === input.stream &&
    previous.weightKg === input.weightKg &&
    previous.collectedAt.getTime() === input.collectedAt.getTime();
  if (!same)
    throw conflict(`collectionId "${input.collectionId}" was already used for a different collection`);
  return previous;
}

/** The container of the stream the report is for: the only one, or the one `containerId` names. */
function targetContainer(
  input: ReportFillLevelInput,
  station: StationFacts,
  containers: ContainerLevel[],
): ContainerLevel {
  if (containers.length === 0) {
    const streams = station.acceptedStreams.join(', ') || 'none';
    throw badInput(
      `Station ${input.stationId} has no ${input.stream} container (its streams: ${streams})`,
      'input.stream',
    );
  }
  const ids = containers.map((container) => container.id).join(', ');
  if (input.containerId) {
    const chosen = containers.find((container) => container.id === input.containerId);
    if (!chosen) {
      throw badInput(
        `Station ${input.stationId} has no ${input.stream} container "${input.containerId}" (it has ${ids})`,
        'input.containerId',
      );
    }
    return chosen;
  }
  if (containers.length > 1) {
    throw badInput(
      `Station ${input.stationId} has ${containers.length} ${input.stream} containers (${ids}): give \`containerId\``,
      'input.containerId',
    );
  }
  return containers[0];
}
