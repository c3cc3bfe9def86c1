import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AccompanimentStatsPeriod {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(AccompanimentStatsPeriod, {
  name: 'AccompanimentStatsPeriod',
  description: 'MONTH: calendar months (Paris time) that are over; YEAR: calendar years that are over.',
});

/**
 * One published aggregate of Paris en Compagnie: one arrondissement, one closed month or year.
 * Counts under 5 would point at identifiable people, so such a cell carries no figure at all.
 */
@ObjectType('AccompanimentStatsCell', {
  description:
    'Accompaniments of one arrondissement over one closed month or year, by the month the outing was requested for. ' +
    'When any of its counts is under 5 (or when showing it would let a caller subtract its way to such a count), ' +
    'every figure is null and `suppressed` is true.',
})
export class AccompanimentStatsCell {
  /** The arrondissement code; exposed through the `arrondissement` field resolver. */
  arrondissementCode: number;

  @Field(() => AccompanimentStatsPeriod)
  period: AccompanimentStatsPeriod;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '1–12 for MONTH cells, null for YEAR cells.' })
  month: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests made (whatever became of them).' })
  requests: number | null;

  @Field(() => Int, { nullable: true, description: 'Accompaniments carried out.' })
  completed: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct volunteers who accepted at least one of these requests.',
  })
  volunteersActive: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean time from a request being recorded to a volunteer accepting it, in minutes.',
  })
  averageResponseMinutes: number | null;

  @Field(() => Boolean, { description: 'True when the figures are withheld to protect the people counted.' })
  suppressed: boolean;
}
