import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';

/** What the event log keeps for each tally change (stream `budget-vote-tally`). */
export interface VoteTallyEventPayload {
  edition: number;
  projectId: number;
  /** The project's ballot count once the ballot that changed it committed. */
  votes: number;
}

@ObjectType('VoteTallyEvent', {
  description: "A project's vote count changed, in the order ballots were stored.",
})
export class VoteTallyEvent {
  @Field(() => ID, {
    description: 'Position in the tally stream: give it as `after` to resume right after this event.',
  })
  eventId: string;

  @Field(() => Int)
  edition: number;

  projectId: number;

  @Field(() => Int, { description: 'How many ballots chose the project, this ballot included.' })
  votes: number;
}

@ArgsType()
export class VoteTallyEventArgs {
  @Field(() => Int, { description: 'The edition (year) whose tallies to follow.' })
  edition: number;

  @Field(() => ID, { nullable: true, description: 'Only this project.' })
  projectId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Resume after this eventId: every later event, in order, then live ones.',
  })
  after?: string | null;
}
