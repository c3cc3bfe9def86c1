import { PARIS_CENTRE_CODES, Provenance } from '#platform/city';
import { SeededRandom } from '#platform/random';
import { BudgetProject, BudgetProjectProgress, BudgetScale } from '#budget/modules/project/project.entity';
import { renovatedBuildingId } from './buildings';
import { HOTEL_DE_VILLE, TOWN_HALLS } from './town-halls';

/**
 * Winning projects per edition, shaped like the city's export (no 2020 edition). Used when no
 * export is at hand; the programme's size does not change with `--scale`.
 */
export const GENERATED_EDITION_SIZES: Record<number, number> = {
  2014: 9,
  2015: 187,
  2016: 219,
  2017: 196,
  2018: 180,
  2019: 194,
  2021: 62,
  2022: 62,
  2023: 105,
};

/** First generated id: far above the city's ids (about 12,000 in 2023), so they never collide. */
export const FIRST_GENERATED_PROJECT_ID = 900_001;

const YEAR_OF_REFERENCE = 2024;

/** Title pattern, theme and lead department; `{place}` is filled with a local name. */
const TEMPLATES: readonly (readonly [string, string, string])[] = [
  ['Végétaliser la cour de l’école {place}', 'Education et jeunesse', 'Direction des Affaires Scolaires'],
  ['Rénover le gymnase {place}', 'Sport', 'Direction de la Jeunesse et des Sports'],
  [
    'Un nouvel espace lecture pour la bibliothèque {place}',
    'Culture et patrimoine',
    'Direction des Affaires Culturelles',
  ],
  ['Des jardins partagés rue {place}', 'Environnement', 'Direction des Espaces Verts et de l’Environnement'],
  ['Apaiser et végétaliser la rue {place}', 'Cadre de vie', 'Direction de la Voirie et des Déplacements'],
  [
    'Des pistes cyclables sécurisées avenue {place}',
    'Mobilités',
    'Direction de la Voirie et des Déplacements',
  ],
  ['Rénover le square {place}', 'Cadre de vie', 'Direction des Espaces Verts et de l’Environnement'],
  ['Un lieu d’accueil solidaire {place}', 'Solidarités', 'Direction de l’Attractivité et de l’Emploi'],
  ['Plus de propreté autour de la place {place}', 'Propreté', 'Direction de la Propreté et de l’Eau'],
  ['Restaurer la fontaine {place}', 'Culture et patrimoine', 'Direction des Affaires Culturelles'],
];

const PLACES = [
  'Saint-Martin',
  'des Lilas',
  'Jean Moulin',
  'Louise Michel',
  'Victor Hugo',
  'des Tilleuls',
  'Simone Veil',
  'du Moulin',
  'George Sand',
  'Pasteur',
];

/** Stage reached by a project voted `age` years ago: the brochure has 1,815 of 3,013 delivered. */
function progressAfter(random: SeededRandom, age: number): BudgetProjectProgress {
  if (random.chance(0.04)) return BudgetProjectProgress.ABANDONED;
  const delivered = Math.min(0.9, age * 0.15);
  if (random.chance(delivered)) return BudgetProjectProgress.COMPLETED;
  return random.weighted([
    [BudgetProjectProgress.NOT_STARTED, age <= 1 ? 3 : 0.5],
    [BudgetProjectProgress.STUDIES, 3],
    [BudgetProjectProgress.PROCEDURES, 1],
    [BudgetProjectProgress.WORKS, 1.5],
    [BudgetProjectProgress.DELIVERY, 2],
  ]);
}

const STAGES = [
  BudgetProjectProgress.STUDIES,
  BudgetProjectProgress.PROCEDURES,
  BudgetProjectProgress.WORKS,
  BudgetProjectProgress.DELIVERY,
  BudgetProjectProgress.COMPLETED,
];

function month(year: number, offset: number): string {
  const total = year * 12 + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Deterministic projects, located near their town hall, for a machine without the export. */
export function generateProjects(seed: number): BudgetProject[] {
  const random = new SeededRandom(seed, 'budget-projects');
  const projects: BudgetProject[] = [];
  let id = FIRST_GENERATED_PROJECT_ID;
  for (const [yearText, size] of Object.entries(GENERATED_EDITION_SIZES)) {
    const edition = Number(yearText);
    for (let index = 0; index < size; index += 1, id += 1) {
      const parisWide = random.chance(0.05);
      const hall = parisWide ? HOTEL_DE_VILLE : random.pick(TOWN_HALLS);
      // Since 2020 the 1st–4th vote together as Paris Centre (code 75123).
      const inParisCentre = !parisWide && edition >= 2021 && PARIS_CENTRE_CODES.includes(hall.arrondissement);
      const arrondissementCodes = parisWide
        ? [4]
        : inParisCentre
          ? [...PARIS_CENTRE_CODES]
          : [hall.arrondissement];
      const [pattern, theme, leadDepartment] = random.pick(TEMPLATES);
      const title = pattern.replace('{place}', random.pick(PLACES));
      const progress = progressAfter(random, YEAR_OF_REFERENCE - edition);
      const reached = progress === BudgetProjectProgress.ABANDONED ? 1 : STAGES.indexOf(progress) + 1;
      const start = random.integer(1, 12);
      const point = random.pointNear(hall.latitude, hall.longitude, parisWide ? 3000 : 1200);
      projects.push(
        Object.assign(new BudgetProject(), {
          id,
          edition,
          title,
          theme,
          leadDepartment,
          budgetEuros:
            Math.round(Math.exp(random.normal(Math.log(parisWide ? 1_500_000 : 150_000), 0.9)) / 5000) * 5000,
          scale: parisWide ? BudgetScale.PARIS_WIDE : BudgetScale.ARRONDISSEMENT,
          address: null,
          postalCode: parisWide
            ? '75004'
            : inParisCentre
              ? '75123'
              : `750${String(hall.arrondissement).padStart(2, '0')}`,
          arrondissementCodes,
          workingClassNeighbourhood: !parisWide && random.chance(0.27),
          progress,
          studiesStart:
            reached >= 1 && progress !== BudgetProjectProgress.NOT_STARTED ? month(edition, start) : null,
          proceduresStart: reached >= 2 ? month(edition, start + 6) : null,
          worksStart: reached >= 3 ? month(edition, start + 12) : null,
          plannedDelivery: progress === BudgetProjectProgress.NOT_STARTED ? null : month(edition, start + 20),
          openedToPublic: progress === BudgetProjectProgress.COMPLETED ? month(edition, start + 22) : null,
          submittedIdeaUrl: null,
          projectUrl: null,
          latitude: point.latitude,
          longitude: point.longitude,
          buildingId: renovatedBuildingId(seed, id, title, arrondissementCodes, parisWide),
          provenance: Provenance.GENERATED,
        }),
      );
    }
  }
  return projects;
}
