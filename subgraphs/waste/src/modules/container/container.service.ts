import type { DataSource } from 'typeorm';
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

  /** The containers of many stations, each station's in stream then id order. */
  byStations(stationIds: readonly string[]): Promise<WasteContainer[]> {
    return this.db
      .getRepository(WasteContainer)
      .createQueryBuilder('container')
      .where('container.stationId IN (:...stationIds)', { stationIds: [...stationIds] })
      .orderBy('container.stream')
      .addOrderBy('container.id')
      .getMany();
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
