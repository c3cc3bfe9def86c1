import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { ConnectionType } from '#platform/pagination';

export enum ExperimentOutcome {
  DEPLOYED = 'DEPLOYED',
  EXTENDED = 'EXTENDED',
  STOPPED = 'STOPPED',
}

registerEnumType(ExperimentOutcome, {
  name: 'ExperimentOutcome',
  description:
    'The verdict at the end of an experiment: DEPLOYED (the city adopts the solution), EXTENDED (a longer or wider ' +
    'trial), STOPPED (not pursued).',
});

/** One indicator an experiment is judged on; stored in the experiment row (jsonb). */
export interface KpiRecord {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  measured: number | null;
  higherIsBetter: boolean;
}

@ObjectType('ExperimentKpi', {
  description: 'A key performance indicator agreed before the experiment started.',
})
export class ExperimentKpi implements KpiRecord {
  @Field(() => String)
  name: string;

  @Field(() => String)
  unit: string;

  @Field(() => Float, { description: 'The value on site before the experiment.' })
  baseline: number;

  @Field(() => Float, { description: 'The value the start-up committed to reach.' })
  target: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The value measured at the end; null while the experiment runs.',
  })
  measured: number | null;

  @Field(() => Boolean, { description: 'Whether a higher value is an improvement (e.g. a sorting rate).' })
  higherIsBetter: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the measured value reached the target; null while running.',
  })
  targetMet(): boolean | null {
    if (this.measured === null) return null;
    return this.higherIsBetter ? this.measured >= this.target : this.measured <= this.target;
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Experiment', {
  description: 'A selected start-up testing its solution to a challenge on one site.',
})
@Entity({ name: 'experiment' })
export class Experiment {
  @Field(() => ID, { description: 'The challenge id and a number, e.g. "DC-2017-04-E3".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  challengeId: string;

  @Column({ type: 'text' })
  startupId: string;

  @Column({ type: 'text' })
  siteId: string;

  @Field(() => GraphQLLocalDate)
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => GraphQLLocalDate, {
    description: 'The actual end, or the planned end while the experiment runs.',
  })
  @Column({ type: 'date' })
  endDate: string;

  @Field(() => ExperimentOutcome, { nullable: true, description: 'Null while the experiment runs.' })
  @Column({ type: 'text', nullable: true })
  outcome: ExperimentOutcome | null;

  @Column({ type: 'jsonb' })
  kpis: KpiRecord[];

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

@ObjectType('ExperimentConnection')
export class ExperimentConnection extends ConnectionType(Experiment) {}
