import { buildingId, MIN_BUILDINGS_PER_ARRONDISSEMENT } from '../identifiers';
import { SeededRandom } from '#platform/random';

/**
 * A title naming one public building: "Rénover le gymnase Jemmapes", "Végétaliser la cour de
 * l'école maternelle Saint-Denis". Plurals ("les écoles du 19e") name several and do not match.
 */
const ONE_PUBLIC_BUILDING =
  /(?<!\p{L})(école|collège|lycée|gymnase|bibliothèque|médiathèque|piscine|conservatoire|crèche|ludothèque|centre d['’]animation|centre sportif|maison des associations|maison de quartier|mairie|marché couvert|TEP)(?!\p{L})/iu;

export function namesOnePublicBuilding(title: string | null): boolean {
  return title !== null && ONE_PUBLIC_BUILDING.test(title);
}

/**
 * The energy subgraph's building a local project renovates. Paris publishes no such link, so it
 * is generated: the same seed and project always give the same building, one of the first
 * MIN_BUILDINGS_PER_ARRONDISSEMENT of the arrondissement, which the energy generator always creates.
 */
export function renovatedBuildingId(
  seed: number,
  projectId: number,
  title: string | null,
  arrondissements: number[],
  parisWide: boolean,
): string | null {
  if (parisWide || arrondissements.length === 0 || !namesOnePublicBuilding(title)) return null;
  const random = new SeededRandom(seed, `budget-building:${projectId}`);
  return buildingId(random.pick(arrondissements), random.integer(1, MIN_BUILDINGS_PER_ARRONDISSEMENT));
}
