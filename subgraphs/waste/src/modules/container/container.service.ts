import type { DataSource } from 'typeorm';
import { EntityRows } from '#platform/entity-rows';
import { WasteContainer } from './container.entity';

export class ContainerService {
  constructor(private readonly db: DataSource) {}

  byIds(ids: readonly string[]): Promise<WasteContainer[]> {
    return this.db
      .getRepository(WasteContainer)
      .createQueryBuilder('container')
      .where('container.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** The containers of many stations, each station's in stream then id order: one fixed statement (hot: a page of stations asks for all of theirs). */
  byStations(stationIds: readonly string[]): Promise<WasteContainer[]> {
    const rows = EntityRows.of(this.db, WasteContainer);
    return rows.query(
      `SELECT ${rows.columns} FROM waste_container WHERE station_id = ANY($1::text[]) ORDER BY stream, id`,
      [[...stationIds]],
    );
  }
}

/** What a station's containers say about it as a whole (FIWARE WasteContainerIsle aggregates). */
export function stationState(containers: WasteContainer[]) {
  const latest = (dates: (Date | null)[]): Date | null =>
    dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);
  const levels = containers
    .map((container) => container.fillingLevel)
    .filter((level): level is number => level !== null);
  return {
    fillingLevel: levels.length > 0 ? Math.max(...levels) : null,
    dateLastFillingLevel: latest(containers.map((container) => container.dateLastFillingLevel)),
    dateLastEmptying: latest(containers.map((container) => container.dateLastEmptying)),
  };
}
