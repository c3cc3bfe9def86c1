import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CastVoteInput', { description: 'One citizen’s ballot in one edition.' })
export class CastVoteInput {
  @Field(() => ID, {
    description: 'Chosen by the caller, unique per ballot: retrying with the same id is safe.',
  })
  voteId: string;

  @Field(() => ID, { description: 'The voter, as the voting platform identifies them. Never exposed.' })
  citizenId: string;

  @Field(() => Int)
  edition: number;

  @Field(() => [ID], {
    description: 'Up to 4 Paris-wide and 4 arrondissement projects of that edition, each once.',
  })
  projectIds: string[];
}
