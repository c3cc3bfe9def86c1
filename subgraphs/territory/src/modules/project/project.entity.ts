import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';

@ObjectType('ProjectPartner')
export class ProjectPartner {
  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'What it brings, as the source says; null when it says nothing.',
  })
  role: string | null;
}

@ObjectType('ProjectFunding', { description: 'One funding of a project by a programme.' })
export class ProjectFunding {
  @Field(() => String, { description: 'e.g. "ERDF – Urban Innovative Actions (UIA)".' })
  programme: string;

  @Field(() => Float, { description: 'Euros granted.' })
  amountEuros: number;

  @Field(() => Float, { nullable: true, description: "The grant's share of the project's cost, in %." })
  sharePercent: number | null;

  @Field(() => Int, { nullable: true, description: 'Years the grant covers.' })
  periodYears: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Project', {
  description:
    'An urban project carried out on a district (e.g. CoRDEES, the smart energy network of Clichy-Batignolles), with its partners and funding as its source states them.',
})
@Entity({ name: 'project' })
export class Project {
  @Field(() => ID, { description: 'A stable slug, e.g. "cordees".' })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The name an acronym stands for.' })
  @Column({ type: 'text', nullable: true })
  fullName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  districtId: string;

  @Field(() => String, { description: 'Who manages the project.' })
  @Column({ type: 'text' })
  lead: string;

  @Field(() => Int, { nullable: true, description: 'Year the project was launched.' })
  @Column({ type: 'smallint', nullable: true })
  startYear: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  durationYears: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Field(() => [ProjectPartner], { description: 'Who works on it, the lead first.' })
  @Column({ type: 'jsonb' })
  partners: ProjectPartner[];

  @Field(() => [ProjectFunding])
  @Column({ type: 'jsonb' })
  funding: ProjectFunding[];

  @Column({ type: 'text' })
  citationId: string;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}
