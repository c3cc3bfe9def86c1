import { Arg, Directive, Field, ID, Int, ObjectType, registerEnumType, Float } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';

/** The digital trades ParisCode trains for. */
export enum TrainingSkillDomain {
  WEB_DEVELOPMENT = 'WEB_DEVELOPMENT',
  DATA = 'DATA',
  CYBERSECURITY = 'CYBERSECURITY',
  CLOUD_AND_NETWORKS = 'CLOUD_AND_NETWORKS',
  DIGITAL_MARKETING = 'DIGITAL_MARKETING',
  UX_DESIGN = 'UX_DESIGN',
  DIGITAL_SUPPORT = 'DIGITAL_SUPPORT',
}

registerEnumType(TrainingSkillDomain, {
  name: 'TrainingSkillDomain',
  description: 'The digital trade a course trains for.',
  valuesConfig: {
    DIGITAL_SUPPORT: { description: 'IT support technicians and digital mediators.' },
    CLOUD_AND_NETWORKS: { description: 'Systems, networks, cloud and DevOps administration.' },
  },
});

export enum TrainingFormat {
  BOOTCAMP = 'BOOTCAMP',
  PART_TIME = 'PART_TIME',
  WORK_STUDY = 'WORK_STUDY',
  BLENDED = 'BLENDED',
}

registerEnumType(TrainingFormat, {
  name: 'TrainingFormat',
  description: 'How a course is taught.',
  valuesConfig: {
    BOOTCAMP: { description: 'Full-time and intensive (about 35 hours a week).' },
    PART_TIME: { description: 'Evenings or half days, compatible with a job search.' },
    WORK_STUDY: { description: 'Alternating classes and work in a company (alternance).' },
    BLENDED: { description: 'Partly remote, partly on site.' },
  },
});

/** Whom the City asks a funded course to reach first (the call for projects' priorities). */
export enum TrainingAudience {
  JOB_SEEKERS = 'JOB_SEEKERS',
  YOUNG_PEOPLE = 'YOUNG_PEOPLE',
  WOMEN = 'WOMEN',
  PRIORITY_NEIGHBOURHOODS = 'PRIORITY_NEIGHBOURHOODS',
  PEOPLE_WITH_DISABILITIES = 'PEOPLE_WITH_DISABILITIES',
  REFUGEES = 'REFUGEES',
}

registerEnumType(TrainingAudience, {
  name: 'TrainingAudience',
  description: 'A priority audience of a ParisCode course.',
  valuesConfig: {
    YOUNG_PEOPLE: { description: 'Under 26.' },
    PRIORITY_NEIGHBOURHOODS: {
      description: "Residents of the city's priority neighbourhoods (quartiers populaires).",
    },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('TrainingCourse', {
  description:
    'A ParisCode course: digital-skills training for job seekers, funded by a call for projects of the City.',
})
@Entity({ name: 'course' })
export class TrainingCourse {
  @Field(() => ID, {
    description: 'e.g. "PC-2017-0014": the 14th course funded by the 2017 call for projects.',
  })
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => TrainingSkillDomain)
  @Column({ type: 'text' })
  skillDomain: TrainingSkillDomain;

  @Field(() => TrainingFormat)
  @Column({ type: 'text' })
  format: TrainingFormat;

  @Column({ type: 'text' })
  providerId: string;

  @Field(() => Int, {
    description: 'Year of the call for projects that funded the course; its cohorts start that year.',
  })
  @Column({ type: 'smallint' })
  year: number;

  @Field(() => Int, { description: 'Length of the course for one trainee, in hours.' })
  @Column({ type: 'integer' })
  durationHours: number;

  @Field(() => Int, { description: 'Training places funded, over all its cohorts.' })
  @Column({ type: 'integer' })
  places: number;

  @Field(() => Int, { description: 'Grant from the call for projects, in euros (sponsorships come on top).' })
  @Column({ type: 'integer' })
  fundingEuros: number;

  @Field(() => [TrainingAudience])
  @Column({ type: 'text', array: true })
  priorityAudiences: TrainingAudience[];

  @Field(() => String, {
    nullable: true,
    description: 'The professional title it prepares for, when it leads to one.',
  })
  @Column({ type: 'text', nullable: true })
  certification: string | null;

  @Field(() => String, { description: 'Street address where the course is taught.' })
  @Column({ type: 'text' })
  streetAddress: string;

  @Field(() => String)
  @Column({ type: 'text' })
  postalCode: string;

  @Column({ type: 'smallint' })
  arrondissementCode: number;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Field(() => Location)
  location(): Location {
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

export enum TrainingCourseFacetField {
  YEAR = 'YEAR',
  SKILL_DOMAIN = 'SKILL_DOMAIN',
  FORMAT = 'FORMAT',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
}

registerEnumType(TrainingCourseFacetField, { name: 'TrainingCourseFacetField' });

@ObjectType('TrainingCourseConnection')
export class TrainingCourseConnection extends ConnectionType(TrainingCourse) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(
    @Arg('fields', () => [TrainingCourseFacetField]) fields: TrainingCourseFacetField[],
  ): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
