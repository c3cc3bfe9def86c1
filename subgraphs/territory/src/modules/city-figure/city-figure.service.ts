import type { DataSource } from 'typeorm';
import { CityFigure, CityIndicator } from './city-figure.entity';

const INDICATOR_ORDER = Object.values(CityIndicator);

export class CityFigureService {
  constructor(private readonly db: DataSource) {}

  /** Every figure of the cities, in the indicators' declared order, latest year first. */
  async byCities(cityIds: readonly string[]): Promise<CityFigure[]> {
    const rows = await this.db
      .getRepository(CityFigure)
      .createQueryBuilder('figure')
      .where('figure.cityId IN (:...cityIds)', { cityIds: [...cityIds] })
      .getMany();
    return rows.sort(
      (a, b) =>
        INDICATOR_ORDER.indexOf(a.indicator) - INDICATOR_ORDER.indexOf(b.indicator) || b.year - a.year,
    );
  }
}
