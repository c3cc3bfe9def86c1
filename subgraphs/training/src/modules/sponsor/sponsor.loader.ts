import { byKeys, groupByKeys, type BaseContext } from '#platform/context';
import type { TrainingSponsor } from './sponsor.entity';
import { SponsorService } from './sponsor.service';
import type { TrainingSponsorship } from './sponsorship.entity';

export function sponsorById(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsor | null>('sponsorById', async (ids) =>
    byKeys(ids, await new SponsorService(context.db).byIds(ids), (row) => row.id),
  );
}

export function sponsorshipsByCourse(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsorship[]>('sponsorshipsByCourse', async (courseIds) =>
    groupByKeys(
      courseIds,
      await new SponsorService(context.db).sponsorships('courseId', courseIds),
      (row) => row.courseId,
    ),
  );
}

export function sponsorshipsBySponsor(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsorship[]>('sponsorshipsBySponsor', async (sponsorIds) =>
    groupByKeys(
      sponsorIds,
      await new SponsorService(context.db).sponsorships('sponsorId', sponsorIds),
      (row) => row.sponsorId,
    ),
  );
}
