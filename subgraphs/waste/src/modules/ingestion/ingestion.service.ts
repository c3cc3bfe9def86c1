import type { DataSource, EntityManager } from 'typeorm';
import { Provenance } from '#platform/city';
import { badInput, conflict } from '#platform/errors';
import { validateIdentifier, validatePast } from '#platform/ingestion-checks';
import { WasteCollection } from '../collection/collection.entity';
import { WasteContainer } from '../container/container.entity';
import { FillingLevelObservation } from '../observation/observation.entity';
import { WasteStation } from '../station/station.entity';
import { WasteStationEventKind } from '../station-event/station-event.entity';
import { appendStationEvent } from '../station-event/station-event.service';
import type { WasteStream } from '../../waste-stream';
import type { RecordCollectionInput, ReportFillLevelInput } from './ingestion.input';

/** Far above any station's load (a full 770 L Trilib' module of glass is about 230 kg). */
const MAX_COLLECTION_KG = 10_000;

/**
 * The write path of the waste subgraph. Each mutation is one method running one transaction: it
 * checks the request, appends to the history, and moves the current state forward only when the
 * news is newer than what is known (late reports land in the history, never rewind the state).
 * Each change that moves a station's state is appended to the event log in the same transaction.
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
      const replayed = await this.previousReport(manager, input);
      if (replayed) return replayed;
      const container = await this.targetContainer(manager, input);
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO filling_level_observation (report_id, container_id, filling_level, observed_at, received_at, provenance)
         VALUES ($1, $2, $3, $4, now(), $5)
         ON CONFLICT (report_id) DO NOTHING RETURNING id`,
        [input.reportId, container.id, input.fillingLevel, input.observedAt, Provenance.OPEN_DATA],
      );
      // Nothing inserted: the same report committed concurrently since we looked.
      if (inserted.length === 0)
        return (await this.previousReport(manager, input)) as FillingLevelObservation;
      const [, moved] = await manager.query<[unknown[], number]>(
        `UPDATE waste_container SET filling_level = $2, date_last_filling_level = $3
          WHERE id = $1 AND (date_last_filling_level IS NULL OR date_last_filling_level <= $3)`,
        [container.id, input.fillingLevel, input.observedAt],
      );
      // Subscribers hear of the report only when it moved the current state (late ones are history).
      if (moved > 0) {
        await appendStationEvent(manager, {
          kind: WasteStationEventKind.FILL_LEVEL,
          stationId: input.stationId,
          stream: input.stream,
          fillingLevel: input.fillingLevel,
          previousFillingLevel: container.fillingLevel,
          observedAt: input.observedAt,
        });
      }
      return manager.findOneByOrFail(FillingLevelObservation, { id: inserted[0].id });
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
      const replayed = await this.previousCollection(manager, input);
      if (replayed) return replayed;
      const station = await this.station(manager, input.stationId);
      if (!station.acceptedStreams.includes(input.stream)) {
        throw badInput(
          `Station ${station.id} does not take ${input.stream} (its streams: ${station.acceptedStreams.join(', ')})`,
          'input.stream',
        );
      }
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO waste_collection (id, station_id, stream, collected_at, weight_kg, recorded_at, provenance)
         VALUES ($1, $2, $3, $4, $5, now(), $6)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          input.collectionId,
          input.stationId,
          input.stream,
          input.collectedAt,
          input.weightKg,
          Provenance.OPEN_DATA,
        ],
      );
      if (inserted.length === 0) return (await this.previousCollection(manager, input)) as WasteCollection;
      // Emptied: observed containers drop to 0 unless a sensor has spoken since.
      await manager.query(
        `UPDATE waste_container SET
           date_last_emptying = GREATEST(date_last_emptying, $3),
           filling_level = CASE WHEN date_last_filling_level <= $3 THEN 0 ELSE filling_level END,
           date_last_filling_level = CASE WHEN date_last_filling_level <= $3 THEN $3 ELSE date_last_filling_level END
         WHERE station_id = $1 AND stream = $2`,
        [input.stationId, input.stream, input.collectedAt],
      );
      await appendStationEvent(manager, {
        kind: WasteStationEventKind.COLLECTION,
        stationId: input.stationId,
        stream: input.stream,
        fillingLevel: 0,
        previousFillingLevel: null,
        observedAt: input.collectedAt,
      });
      return manager.findOneByOrFail(WasteCollection, { id: input.collectionId });
    });
  }

  /** A report already stored under this id: the same one again is answered as the first time, another is a conflict. */
  private async previousReport(
    manager: EntityManager,
    input: ReportFillLevelInput,
  ): Promise<FillingLevelObservation | null> {
    const previous = await manager.findOneBy(FillingLevelObservation, { reportId: input.reportId });
    if (!previous) return null;
    const container = await manager.findOneByOrFail(WasteContainer, { id: previous.containerId });
    const same =
      container.stationId === input.stationId &&
      container.stream === input.stream &&
      (!input.containerId || input.containerId === container.id) &&
      previous.fillingLevel === input.fillingLevel &&
      previous.observedAt.getTime() === input.observedAt.getTime();
    if (!same) throw conflict(`reportId "${input.reportId}" was already used for a different report`);
    return previous;
  }

  private async previousCollection(
    manager: EntityManager,
    input: RecordCollectionInput,
  ): Promise<WasteCollection | null> {
    const previous = await manager.findOneBy(WasteCollection, { id: input.collectionId });
    if (!previous) return null;
    const same =
      previous.stationId === input.stationId &&
      previous.stream === input.stream &&
      previous.weightKg === input.weightKg &&
      previous.collectedAt.getTime() === input.collectedAt.getTime();
    if (!same)
      throw conflict(`collectionId "${input.collectionId}" was already used for a different collection`);
    return previous;
  }

  private async station(manager: EntityManager, stationId: string): Promise<WasteStation> {
    const station = await manager.findOneBy(WasteStation, { id: stationId });
    if (!station) throw badInput(`There is no waste station "${stationId}"`, 'input.stationId');
    return station;
  }

  /** The containers of a stream at a station; the station must exist and have one at least. */
  private async stationContainers(
    manager: EntityManager,
    stationId: string,
    stream: WasteStream,
  ): Promise<WasteContainer[]> {
    const station = await this.station(manager, stationId);
    const containers = await manager.find(WasteContainer, {
      where: { stationId, stream },
      order: { id: 'ASC' },
    });
    if (containers.length === 0) {
      const streams = station.acceptedStreams.join(', ') || 'none';
      throw badInput(
        `Station ${stationId} has no ${stream} container (its streams: ${streams})`,
        'input.stream',
      );
    }
    return containers;
  }

  private async targetContainer(
    manager: EntityManager,
    input: ReportFillLevelInput,
  ): Promise<WasteContainer> {
    const containers = await this.stationContainers(manager, input.stationId, input.stream);
    if (input.containerId) {
      const chosen = containers.find((container) => container.id === input.containerId);
      if (!chosen) {
        throw badInput(
          `Station ${input.stationId} has no ${input.stream} container "${input.containerId}" (it has ${containers.map((c) => c.id).join(', ')})`,
          'input.containerId',
        );
      }
      return chosen;
    }
    if (containers.length > 1) {
      throw badInput(
        `Station ${input.stationId} has ${containers.length} ${input.stream} containers (${containers.map((c) => c.id).join(', ')}): give \`containerId\``,
        'input.containerId',
      );
    }
    return containers[0];
  }
}
