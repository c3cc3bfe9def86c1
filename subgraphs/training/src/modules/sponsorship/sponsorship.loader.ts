import { groupByKeys, type BaseContext } from '#platform/context';
import type { TrainingSponsorship } from './sponsorship.entity';
import { SponsorshipService } from './sponsorship.service';

export function sponsorshipsByCourse(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsorship[]>('sponsorshipsByCourse', async (courseIds) =>
    groupByKeys(
      courseIds,
      await new SponsorshipService(context.db).byKeys('courseId', courseIds),
      (row) => row.courseId,
    ),
  );
}

export function sponsorshipsBySponsor(context: BaseContext) {
  return context.loaders.get<string, TrainingSponsorship[]>('sponsorshipsBySponsor', async (sponsorIds) =>
    groupByKeys(
      sponsorIds,
      await new SponsorshipService(context.db).byKeys('sponsorId', sponsorIds),
      (row) => row.sponsorId,
    ),
  );
}
