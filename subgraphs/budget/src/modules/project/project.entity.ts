import { Arg, Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, ViewColumn, ViewEntity } from 'typeorm';
import { Provenance } from '#platform/city';
import { DISTANCE_METERS_DESCRIPTION, Location } from '#platform/geo';
import { countFacets, Facet, FACETS_DESCRIPTION } from '#platform/facets';
import { ConnectionType } from '#platform/pagination';

/** "Avancement du projet" in the city's export, from idea to opening. */
export enum BudgetProjectProgress {
  NOT_STARTED = 'NOT_STARTED',
  STUDIES = 'STUDIES',
  PROCEDURES = 'PROCEDURES',
  WORKS = 'WORKS',
  DELIVERY = 'DELIVERY',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
}

registerEnumType(BudgetProjectProgress, {
  name: 'BudgetProjectProgress',
  description: 'Where a winning project stands ("Avancement du projet").',
  valuesConfig: {
    NOT_STARTED: { description: '"(non démarré)"' },
    STUDIES: { description: '"ETUDES": design studies under way.' },
    PROCEDURES: { description: '"PROCEDURES": tenders, permits, purchases.' },
    WORKS: { description: '"TRAVAUX": works under way.' },
    DELIVERY: { description: '"LIVRAISON": being handed over.' },
    COMPLETED: { description: '"FIN": delivered and closed.' },
    ABANDONED: { description: '"ABANDONNÉ"' },
  },
});

/** "Echelle du Budget participatif": voted by one arrondissement, or by all Parisians. */
export enum BudgetScale {
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  PARIS_WIDE = 'PARIS_WIDE',
}

registerEnumType(BudgetScale, {
  name: 'BudgetScale',
  valuesConfig: {
    ARRONDISSEMENT: { description: '"Budget participatif d’arrondissement"' },
    PARIS_WIDE: { description: '"Budget participatif parisien"' },
  },
});

@ObjectType('BudgetProjectMilestones', {
  description:
    'Milestone months ("YYYY-MM", as the city publishes them); null when not reached or not published.',
})
export class BudgetProjectMilestones {
  @Field(() => String, { nullable: true, description: 'Date de début des études.' })
  studiesStart: string | null;

  @Field(() => String, { nullable: true, description: 'Date de lancement des procédures.' })
  proceduresStart: string | null;

  @Field(() => String, { nullable: true, description: 'Date de lancement des travaux.' })
  worksStart: string | null;

  @Field(() => String, { nullable: true, description: 'Date prévisionnelle de livraison.' })
  plannedDelivery: string | null;

  @Field(() => String, { nullable: true, description: 'Date d’ouverture au public.' })
  openedToPublic: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('BudgetProject', {
  description: 'A winning project of the Paris Participatory Budget ("projet lauréat").',
})
@Entity({ name: 'budget_project' })
export class BudgetProject {
  @Field(() => ID, { description: 'The city’s project identifier ("Identifiant du projet lauréat").' })
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Field(() => Int, { description: 'The edition (year of the vote) the project won.' })
  @Column({ type: 'smallint' })
  edition: number;

  @Field(() => String, {
    nullable: true,
    description: 'Null on the few rows the city published without a title.',
  })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => String, {
    description: '"Thématique", e.g. "Cadre de vie", "Education et jeunesse", "Environnement".',
  })
  @Column({ type: 'text' })
  theme: string;

  @Field(() => String, { nullable: true, description: '"Direction pilote": the city department in charge.' })
  @Column({ type: 'text', nullable: true })
  leadDepartment: string | null;

  @Field(() => Int, { description: 'Global budget voted for the project, in euros.' })
  @Column({ type: 'integer' })
  budgetEuros: number;

  @Field(() => BudgetScale)
  @Column({ type: 'text' })
  scale: BudgetScale;

  @Field(() => String, {
    nullable: true,
    description: 'The address as published (Paris-wide projects: the Hôtel de Ville).',
  })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => String, {
    description:
      'The code the city files the project under: 75001–75020, 75116, or 75123 for Paris Centre (1st–4th).',
  })
  @Column({ type: 'text' })
  postalCode: string;

  /** Every arrondissement the project belongs to: one, or the four of Paris Centre. */
  @Column({ type: 'smallint', array: true })
  arrondissementCodes: number[];

  @Field(() => Boolean, {
    description: '"Projet en Quartier populaire": in a working-class priority neighbourhood.',
  })
  @Column({ type: 'boolean' })
  workingClassNeighbourhood: boolean;

  @Field(() => BudgetProjectProgress)
  @Column({ type: 'text' })
  progress: BudgetProjectProgress;

  @Column({ type: 'text', nullable: true })
  studiesStart: string | null;

  @Column({ type: 'text', nullable: true })
  proceduresStart: string | null;

  @Column({ type: 'text', nullable: true })
  worksStart: string | null;

  @Column({ type: 'text', nullable: true })
  plannedDelivery: string | null;

  @Column({ type: 'text', nullable: true })
  openedToPublic: string | null;

  @Field(() => BudgetProjectMilestones)
  milestones(): BudgetProjectMilestones {
    return {
      studiesStart: this.studiesStart,
      proceduresStart: this.proceduresStart,
      worksStart: this.worksStart,
      plannedDelivery: this.plannedDelivery,
      openedToPublic: this.openedToPublic,
    };
  }

  @Field(() => String, {
    nullable: true,
    description: 'The idea as submitted to the vote, on decider.paris.fr.',
  })
  @Column({ type: 'text', nullable: true })
  submittedIdeaUrl: string | null;

  @Field(() => String, { nullable: true, description: 'The winning project’s page, on decider.paris.fr.' })
  @Column({ type: 'text', nullable: true })
  projectUrl: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Field(() => Location, {
    nullable: true,
    description:
      'Known when the export’s address is a town hall or the Hôtel de Ville (the export has addresses, not ' +
      'coordinates; town-hall positions are reference figures), and for generated projects.',
  })
  location(): Location | null {
    if (this.latitude === null || this.longitude === null) return null;
    return { latitude: this.latitude, longitude: this.longitude };
  }

  @Field(() => Float, { nullable: true, description: DISTANCE_METERS_DESCRIPTION })
  distanceMeters?: number | null;

  /** The public building the project renovates or equips (energy's `Building`), when it names one. */
  @Column({ type: 'text', nullable: true })
  buildingId: string | null;

  @Field(() => Provenance)
  @Column({ type: 'text' })
  provenance: Provenance;
}

/** A project once per arrondissement it belongs to (view): what the nested connections page by. */
@ViewEntity({ name: 'budget_project_arrondissement' })
export class BudgetProjectInArrondissement extends BudgetProject {
  @ViewColumn()
  arrondissementCode: number;
}

export enum BudgetProjectFacetField {
  EDITION = 'EDITION',
  THEME = 'THEME',
  PROGRESS = 'PROGRESS',
  SCALE = 'SCALE',
}

registerEnumType(BudgetProjectFacetField, { name: 'BudgetProjectFacetField' });

@ObjectType('BudgetProjectConnection')
export class BudgetProjectConnection extends ConnectionType(BudgetProject) {
  @Field(() => [Facet], { description: FACETS_DESCRIPTION })
  facets(
    @Arg('fields', () => [BudgetProjectFacetField]) fields: BudgetProjectFacetField[],
  ): Promise<Facet[]> {
    return countFacets(this, fields);
  }
}
