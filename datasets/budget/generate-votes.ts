import { SeededRandom } from '#platform/random';
import { BudgetScale, type BudgetProject } from '#budget/modules/project/project.entity';
import { MAX_CHOICES_PER_SCALE } from '#budget/modules/vote/vote.service';

/** Ballots per edition at scale 1. The city publishes turnout, not ballots (about 200,000 voters in 2019). */
export const BALLOTS_PER_EDITION = 1000;

export interface GeneratedBallots {
  voteIds: string[];
  citizenIds: string[];
  editions: number[];
  castAt: Date[];
  choiceVoteIds: string[];
  choiceProjectIds: number[];
}

/** Up to `count` distinct items, each drawn with its weight. */
function drawDistinct(
  random: SeededRandom,
  items: { project: BudgetProject; weight: number }[],
  count: number,
): number[] {
  const pool = [...items];
  const chosen: number[] = [];
  while (chosen.length < count && pool.length > 0) {
    const project = random.weighted(pool.map((item) => [item.project, item.weight] as const));
    chosen.push(project.id);
    pool.splice(
      pool.findIndex((item) => item.project === project),
      1,
    );
  }
  return chosen;
}

/**
 * Ballots for every edition: each voter lives in an arrondissement (drawn in proportion to its
 * projects), picks 1–4 of its local projects and, most of the time, 1–4 Paris-wide ones. Projects
 * have a seeded popularity, so tallies spread out as in a real vote. Cast during the September
 * vote of the edition's year. `scale` multiplies the number of ballots.
 */
export function generateBallots(projects: BudgetProject[], seed: number, scale: number): GeneratedBallots {
  const random = new SeededRandom(seed, 'budget-votes');
  const ballots: GeneratedBallots = {
    voteIds: [],
    citizenIds: [],
    editions: [],
    castAt: [],
    choiceVoteIds: [],
    choiceProjectIds: [],
  };
  const editions = [...new Set(projects.map((project) => project.edition))].sort((a, b) => a - b);
  const perEdition = Math.max(1, Math.round(BALLOTS_PER_EDITION * scale));
  for (const edition of editions) {
    const weighted = projects
      .filter((project) => project.edition === edition)
      .map((project) => ({ project, weight: Math.exp(random.normal(0, 0.8)) }));
    const parisWide = weighted.filter((item) => item.project.scale === BudgetScale.PARIS_WIDE);
    const local = weighted.filter((item) => item.project.scale === BudgetScale.ARRONDISSEMENT);
    const homes = local.flatMap((item) => item.project.arrondissementCodes.map((code) => [code, 1] as const));
    const nearbyOf = new Map(
      homes.map(([home]) => [home, local.filter((item) => item.project.arrondissementCodes.includes(home))]),
    );
    const voteStart = Date.UTC(edition, 8, 1);
    for (let index = 1; index <= perEdition; index += 1) {
      const home = homes.length > 0 ? random.weighted(homes) : undefined;
      const nearby = home === undefined ? [] : (nearbyOf.get(home) ?? []);
      const choices = [
        ...drawDistinct(random, nearby, random.integer(1, MAX_CHOICES_PER_SCALE)),
        // Where nothing is local (the 2014 edition was Paris-wide only), the ballot is Paris-wide.
        ...(nearby.length === 0 || random.chance(0.7)
          ? drawDistinct(random, parisWide, random.integer(1, MAX_CHOICES_PER_SCALE))
          : []),
      ];
      if (choices.length === 0) continue;
      const voteId = `seed-${edition}-${String(index).padStart(7, '0')}`;
      ballots.voteIds.push(voteId);
      ballots.citizenIds.push(`citizen-${edition}-${String(index).padStart(7, '0')}`);
      ballots.editions.push(edition);
      ballots.castAt.push(new Date(voteStart + Math.floor(random.next() * 30 * 86_400_000)));
      for (const projectId of choices) {
        ballots.choiceVoteIds.push(voteId);
        ballots.choiceProjectIds.push(projectId);
      }
    }
  }
  return ballots;
}
