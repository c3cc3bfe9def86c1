import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '#platform/context';
import { PageArgs, type Connection } from '#platform/pagination';
import type { AccompanimentRequest } from '../accompaniment-request/accompaniment-request.entity';
import { AccompanimentRequestConnection } from '../accompaniment-request/accompaniment-request.entity';
import { Arrondissement } from '../arrondissement/arrondissement.entity';
import { Beneficiary, BeneficiaryConnection } from './beneficiary.entity';
import { BeneficiaryFilter } from './beneficiary.input';
import { beneficiaryById, requestsByBeneficiary } from './beneficiary.loader';
import { BeneficiaryService } from './beneficiary.service';

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Authorized('operator')
  @Query(() => BeneficiaryConnection, {
    description: 'Registered beneficiaries (operators), in the order they registered.',
  })
  beneficiaries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => BeneficiaryFilter, { nullable: true }) filter: BeneficiaryFilter | null,
    @Ctx() context: BaseContext,
  ): Promise<Connection<Beneficiary>> {
    return new BeneficiaryService(context.db).list(filter ?? {}, page);
  }

  @Authorized('operator')
  @Query(() => Beneficiary, { nullable: true })
  beneficiary(@Arg('id', () => ID) id: string, @Ctx() context: BaseContext): Promise<Beneficiary | null> {
    return beneficiaryById(context).load(id);
  }

  @Authorized('operator')
  @FieldResolver(() => Arrondissement, { nullable: true, description: 'Home arrondissement.' })
  arrondissement(@Root() beneficiary: Beneficiary): Arrondissement {
    return { code: beneficiary.arrondissementCode };
  }

  @Authorized('operator')
  @FieldResolver(() => AccompanimentRequestConnection, {
    nullable: true,
    description: "The person's requests, most recent `requestedFor` first.",
  })
  accompanimentRequests(
    @Root() beneficiary: Beneficiary,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: BaseContext,
  ): Promise<Connection<AccompanimentRequest>> {
    return requestsByBeneficiary(context, page).load(beneficiary.id);
  }
}
