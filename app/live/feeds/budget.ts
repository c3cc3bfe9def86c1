import { clientId, type Feed, type FeedContext } from './feed';

interface EditionsAnswer {
  budgetEditions: { year: number }[];
}

interface ProjectsPage {
  budgetProjects: { edges: { node: { id: string } }[] };
}

const EDITIONS = `{ budgetEditions { year } }`;
const PROJECTS = `query ($edition: Int!, $arrondissement: Int!) {
  budgetProjects(first: 10, filter: { edition: $edition, arrondissement: $arrondissement }) { edges { node { id } } } }`;
const CAST = `mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }`;

/** At most 4 projects of each scale fit a ballot; 4 in all always fits, whatever the scales. */
const MAX_CHOICES = 4;

/**
 * Citizens voting in the latest Participatory Budget edition: each tick may bring a ballot. Some
 * projects are far more popular than others, as in real tallies, so the ranking moves visibly.
 */
export class BudgetFeed implements Feed {
  readonly name = 'budget';
  private edition = 0;
  private projects: (readonly [string, number])[] = [];
  private sequence = 0;

  constructor(
    private readonly context: FeedContext,
    private readonly options: { votesPerTick: number },
  ) {}

  async discover(): Promise<boolean> {
    const { budgetEditions } = await this.context.client.request<EditionsAnswer>(EDITIONS);
    if (budgetEditions.length === 0) return false;
    this.edition = Math.max(...budgetEditions.map((edition) => edition.year));
    const ids = new Set<string>();
    for (const arrondissement of this.context.arrondissements) {
      const page = await this.context.client.request<ProjectsPage>(PROJECTS, {
        edition: this.edition,
        arrondissement,
      });
      for (const { node } of page.budgetProjects.edges) ids.add(node.id);
    }
    // Popularity follows a long tail: a few favourites, many projects with a handful of votes.
    this.projects = [...ids].map((id) => [id, this.context.random.next() ** 3] as const);
    return this.projects.length > 0;
  }

  async tick(): Promise<void> {
    const { random } = this.context;
    for (let vote = 0; vote < this.options.votesPerTick; vote += 1) {
      const choices = new Set<string>();
      const wanted = Math.min(this.projects.length, random.integer(1, MAX_CHOICES));
      while (choices.size < wanted) choices.add(random.weighted(this.projects));
      this.sequence += 1;
      await this.context.client.request(CAST, {
        input: {
          voteId: clientId(this.context, 'vote', this.sequence),
          citizenId: clientId(this.context, 'citizen', this.sequence),
          edition: this.edition,
          projectIds: [...choices],
        },
      });
      this.context.count('castVote');
    }
  }
}
