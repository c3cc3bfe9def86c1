import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '#platform/pagination';
import { AccompanimentStatus } from '../accompaniment-request/accompaniment-request.entity';

@ArgsType()
export class MyMissionsArgs extends PageArgs {
  @Field(() => AccompanimentStatus, { nullable: true })
  status?: AccompanimentStatus | null;
}

@ArgsType()
export class AcceptAccompanimentRequestArgs {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Operators assign a volunteer by id; a volunteer accepts for themself and leaves it out.',
  })
  volunteerId?: string | null;
}
