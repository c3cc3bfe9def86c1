import { Field, InputType, Int } from 'type-graphql';
import { NearInput } from '../../../../../platform/src/geo';
import { StartupSector } from './startup.entity';

@InputType('StartupFilter', { description: 'Every given criterion must hold.' })
export class StartupFilter {
  @Field(() => Int, { nullable: true, description: 'The arrondissement of the head office (1–20).' })
  arrondissement?: number | null;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Start-ups whose head office lies within the radius.',
  })
  near?: NearInput | null;

  @Field(() => StartupSector, { nullable: true })
  sector?: StartupSector | null;

  @Field(() => Int, { nullable: true, description: 'Founded in this year.' })
  foundedYear?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only start-ups selected for at least one challenge; false: only applicants never selected.',
  })
  selected?: boolean | null;
}
