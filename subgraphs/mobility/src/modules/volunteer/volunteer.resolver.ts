import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Volunteer, VolunteerConnection } from './volunteer.entity';
import { VolunteerFilter } from './volunteer.input';
import { volunteerById } from './volunteer.loader';
import { VolunteerService } from './volunteer.service';

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Authorized('operator')
  @Query(() => VolunteerConnection, {
    description: 'Registered volunteers (operators), in the order they joined.',
  })
  volunteers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VolunteerFilter, { nullable: true }) filter: VolunteerFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Volunteer>> {
    return new VolunteerService(context.db).list(filter ?? {}, page);
  }

  @Authorized('operator')
  @Query(() => Volunteer, { nullable: true })
  volunteer(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Volunteer | null> {
    return volunteerById(context).load(id);
  }

  @Authorized('operator')
  @FieldResolver(() => Arrondissement, {
    nullable: true,
    description: 'The arrondissement the volunteer usually covers.',
  })
  arrondissement(@Root() volunteer: Volunteer): Arrondissement {
    return { code: volunteer.arrondissementCode };
  }
}
