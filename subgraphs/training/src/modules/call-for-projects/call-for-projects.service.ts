import type { DataSource } from 'typeorm';
import { TrainingCourse } from '../course/course.entity';
import { TrainingCallForProjects } from './call-for-projects.entity';

export class CallForProjectsService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<TrainingCallForProjects[]> {
    return this.db.getRepository(TrainingCallForProjects).find({ order: { year: 'ASC' } });
  }

  byYears(years: readonly number[]): Promise<TrainingCallForProjects[]> {
    return this.db
      .getRepository(TrainingCallForProjects)
      .createQueryBuilder('call')
      .where('call.year IN (:...years)', { years: [...years] })
      .getMany();
  }

  /** Training places of the courses each call funded. */
  placesFunded(years: readonly number[]): Promise<{ year: number; places: number }[]> {
    return this.db
      .getRepository(TrainingCourse)
      .createQueryBuilder('course')
      .select('course.year', 'year')
      .addSelect('SUM(course.places)::int', 'places')
      .where('course.year IN (:...years)', { years: [...years] })
      .groupBy('course.year')
      .getRawMany<{ year: number; places: number }>();
  }
}
