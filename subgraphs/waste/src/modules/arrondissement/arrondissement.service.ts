import type { DataSource } from 'typeorm';
import { WASTE_STREAMS, type WasteStream } from '../../waste-stream';
import { DEFAULT_MAX_FILLING_LEVEL } from '../station/station.input';
import type { WasteStationCategory } from '../station/station.entity';
import type { ArrondissementWasteSummary, WasteStreamSummary } from './arrondissement.entity';

interface StationCountRow {
  code: number;
  category: WasteStationCategory;
  stations: number;
  active: number;
}

interface StreamRow {
  code: number;
  stream: WasteStream;
  containers: number;
  observed: number;
  average: number | null;
  full: number;
}

export class ArrondissementWasteService {
  constructor(private readonly db: DataSource) {}

  /** The waste summary of many arrondissements: two grouped statements, whatever their number. */
  async summaries(codes: readonly number[]): Promise<ArrondissementWasteSummary[]> {
    const [stationRows, streamRows] = await Promise.all([
      this.db.query<StationCountRow[]>(
        `SELECT arrondissement_code AS code, category, count(*)::int AS stations,
                count(*) FILTER (WHERE status = 'ACTIVE')::int AS active
           FROM waste_station WHERE arrondissement_code = ANY($1::int[])
          GROUP BY arrondissement_code, category ORDER BY category`,
        [[...codes]],
      ),
      this.db.query<StreamRow[]>(
        `SELECT station.arrondissement_code AS code, container.stream, count(*)::int AS containers,
                count(container.filling_level)::int AS observed, avg(container.filling_level) AS average,
                count(*) FILTER (WHERE container.filling_level > $2)::int AS full
           FROM waste_container container JOIN waste_station station ON station.id = container.station_id
          WHERE station.arrondissement_code = ANY($1::int[])
          GROUP BY station.arrondissement_code, container.stream`,
        [[...codes], DEFAULT_MAX_FILLING_LEVEL],
      ),
    ]);
    return codes.map((code) => {
      const categories = stationRows.filter((row) => row.code === code);
      const streams: WasteStreamSummary[] = streamRows
        .filter((row) => row.code === code)
        .sort((a, b) => WASTE_STREAMS.indexOf(a.stream) - WASTE_STREAMS.indexOf(b.stream))
        .map((row) => ({
          stream: row.stream,
          containers: row.containers,
          observedContainers: row.observed,
          averageFillingLevel: row.average === null ? null : Number(row.average),
          fullContainers: row.full,
        }));
      const observed = streams.reduce((sum, stream) => sum + stream.observedContainers, 0);
      const levelSum = streams.reduce(
        (sum, stream) => sum + (stream.averageFillingLevel ?? 0) * stream.observedContainers,
        0,
      );
      return {
        stations: categories.reduce((sum, row) => sum + row.stations, 0),
        activeStations: categories.reduce((sum, row) => sum + row.active, 0),
        stationsByCategory: categories.map((row) => ({ category: row.category, stations: row.stations })),
        containers: streams,
        averageFillingLevel: observed > 0 ? levelSum / observed : null,
      };
    });
  }
}
