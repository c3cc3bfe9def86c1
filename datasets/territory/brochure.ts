import { CityIndicator } from '#territory/modules/city-figure/city-figure.entity';
import type { ProjectFunding, ProjectPartner } from '#territory/modules/project/project.entity';

/** A published document the reference facts cite. */
export interface CitationReference {
  id: string;
  title: string;
  publisher: string;
  year: number | null;
  url: string | null;
  note: string | null;
}

export const BROCHURE_CITATION_ID = 'smart-sustainable-paris';

/** The year the brochure is taken from (see its citation's note: the document itself is undated). */
export const BROCHURE_YEAR = 2019;

export const CITATIONS: CitationReference[] = [
  {
    id: BROCHURE_CITATION_ID,
    title:
      'Smart and Sustainable Paris: people-focused with digital technology supporting the ecological transition, social cohesion and economic development',
    publisher: 'City of Paris',
    year: BROCHURE_YEAR,
    url: null,
    note: 'The brochure is undated; the latest events it reports are of 2019 (the Paris en Compagnie launch, 1,300 ParisCode places in 2019), so 2019 is taken as its year.',
  },
  {
    id: 'qiu-paris-rive-gauche-2018',
    title: 'La capitale se dote d’un premier « quartier d’innovation urbaine »',
    publisher: 'CCI Business Grand Paris',
    year: 2018,
    url: 'http://www.ccibusiness-grandparis.fr/actualite/137690-la-capitale-se-dote-d-un-premier-quartier-d-innovation-urbaine',
    note: 'The Urban Lab of Paris&Co and the City of Paris opened Paris Rive Gauche (13th) as the first urban innovation neighbourhood on 19 June 2018.',
  },
  {
    id: 'qiu-chapelle-s-2019',
    title:
      'Le 2e appel à expérimenter « Quartiers d’Innovation Urbaine » est lancé sur le secteur Chapelle-S',
    publisher: 'Construction21',
    year: 2019,
    url: 'https://www.construction21.org/france/articles/fr/Le-2e-appel-a-experimenter-Quartiers-dInnovation-Urbaine-est-lance-sur-le-secteur-Chapelle-S.html',
    note: 'Chapelle-S, chosen as the second urban innovation neighbourhood; call for experiments launched on 4 April 2019.',
  },
];

export const CITY = {
  id: 'paris',
  name: 'Paris',
  inseeCode: '75056',
  latitude: 48.8566,
  longitude: 2.3522,
};

export interface CityFigureReference {
  indicator: CityIndicator;
  value: number;
  unit: string;
  /** As the brochure words it. */
  label: string;
}

/** The brochure's "key figures for the territory", as it states them. */
export const BROCHURE_FIGURES: CityFigureReference[] = [
  {
    indicator: CityIndicator.INHABITANTS,
    value: 2_200_000,
    unit: 'inhabitants',
    label: '2.2 million inhabitants',
  },
  { indicator: CityIndicator.JOBS, value: 1_800_000, unit: 'jobs', label: '1.8 million jobs' },
  {
    indicator: CityIndicator.SHOPS_AND_COMMERCIAL_SERVICES,
    value: 62_500,
    unit: 'shops and commercial services',
    label: '62,500 shops and commercial services',
  },
  { indicator: CityIndicator.STARTUPS, value: 10_000, unit: 'start-ups', label: '10,000 start-ups' },
  {
    indicator: CityIndicator.BUSINESSES,
    value: 500_000,
    unit: 'businesses',
    label: '500,000 businesses/companies',
  },
  {
    indicator: CityIndicator.HIGHER_EDUCATION_STUDENTS,
    value: 350_000,
    unit: 'students',
    label: '350,000 students in higher education',
  },
];

export interface ProjectReference {
  id: string;
  name: string;
  fullName: string | null;
  description: string;
  districtId: string;
  lead: string;
  startYear: number;
  durationYears: number | null;
  website: string | null;
  partners: ProjectPartner[];
  funding: ProjectFunding[];
  citationId: string;
}

/** The brochure's CoRDEES page, fact by fact. */
export const PROJECTS: ProjectReference[] = [
  {
    id: 'cordees',
    name: 'CoRDEES',
    fullName: 'CoResponsibility in District Energy Efficiency and Sustainability',
    description:
      "The first Parisian smart energy network project, rolled out in the western part of the Clichy-Batignolles eco-district: it manages the energy performance of the buildings throughout their operation and involves all of the district's players (promoters, owners, landlords, network operators, building managers, tenants, employees, businesses).",
    districtId: 'clichy-batignolles',
    lead: 'City of Paris',
    startYear: 2016,
    durationYears: 3,
    website: 'http://cordees.paris',
    partners: [
      { name: 'City of Paris', role: 'Project manager' },
      { name: 'Paris Métropole Aménagement', role: null },
      { name: 'EMBIX', role: 'Smart grid design office' },
      { name: 'Une autre ville', role: 'Eco-responsible urban planning design office' },
      {
        name: 'MINES ParisTech',
        role: 'Engineering school, through its Systems Energy Efficiency Research Centre (CES)',
      },
    ],
    funding: [
      {
        programme: 'ERDF – Urban Innovative Actions (UIA)',
        amountEuros: 4_300_000,
        sharePercent: 80,
        periodYears: 3,
      },
    ],
    citationId: BROCHURE_CITATION_ID,
  },
];
