import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import type { LoggedEvent } from '#platform/events/log';
import { eventPosition } from '#platform/events/position';
import { eventLogSubscription } from '#platform/events/subscribe';
import { BudgetProject } from '../project/project.entity';
import { projectById } from '../project/project.loader';
import { VoteTallyEvent, VoteTallyEventArgs, type VoteTallyEventPayload } from './vote-tally-event.entity';
import { VOTE_TALLY_POSITION_FIELD, VOTE_TALLY_STREAM, voteTallyFilter } from './vote-tally-event.service';

@Resolver(() => VoteTallyEvent)
export class VoteTallyEventResolver {
  @Query(() => ID, {
    name: VOTE_TALLY_POSITION_FIELD,
    description:
      'The position of the vote-tally live feed (`voteTallyChanged`) when this query was answered. Ask for it in the same query as the tallies you show (e.g. `voteTally`, `budgetEdition { voteTally }`): it is read before the rest of the query, so subscribing with `after` set to it misses nothing; a count the tallies already include may come again (counts only grow).',
  })
  position(@Ctx() context: BaseContext): Promise<string> {
    return eventPosition(context, VOTE_TALLY_STREAM);
  }

  @Subscription(() => VoteTallyEvent, {
    description:
      'Every change of the vote counts of an edition (or of one project), durable and resumable with `after`.',
    subscribe: eventLogSubscription(VOTE_TALLY_STREAM, voteTallyFilter),
  })
  voteTallyChanged(
    @Root() event: LoggedEvent<VoteTallyEventPayload>,
    @Args(() => VoteTallyEventArgs) _args: VoteTallyEventArgs,
  ): VoteTallyEvent {
    return {
      eventId: event.position.toString(),
      edition: event.payload.edition,
      projectId: event.payload.projectId,
      votes: event.payload.votes,
    };
  }

  @FieldResolver(() => BudgetProject)
  async project(@Root() event: VoteTallyEvent, @Ctx() context: BaseContext): Promise<BudgetProject> {
    const project = await projectById(context).load(event.projectId);
    if (!project) throw new Error(`Project ${event.projectId} of event ${event.eventId} is gone`);
    return project;
  }
}
