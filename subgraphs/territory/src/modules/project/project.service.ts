import type { DataSource } from 'typeorm';
import { Project } from './project.entity';
import { type ProjectFilter, validateProjectFilter } from './project.input';

export class ProjectService {
  constructor(private readonly db: DataSource) {}

  list(filter: ProjectFilter = {}): Promise<Project[]> {
    validateProjectFilter(filter);
    const query = this.db.getRepository(Project).createQueryBuilder('project').orderBy('project.id');
    if (filter.districtId)
      query.andWhere('project.districtId = :districtId', { districtId: filter.districtId });
    if (filter.arrondissement)
      query.andWhere(
        'project.districtId IN (SELECT id FROM district WHERE arrondissement_code = :arrondissement)',
        { arrondissement: filter.arrondissement },
      );
    return query.getMany();
  }

  byIds(ids: readonly string[]): Promise<Project[]> {
    return this.db
      .getRepository(Project)
      .createQueryBuilder('project')
      .where('project.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  byDistricts(districtIds: readonly string[]): Promise<Project[]> {
    return this.db
      .getRepository(Project)
      .createQueryBuilder('project')
      .where('project.districtId IN (:...districtIds)', { districtIds: [...districtIds] })
      .orderBy('project.id')
      .getMany();
  }
}
