import type { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict } from '#platform/errors';
import { pageSize } from '#platform/pagination';
import { validateEdition } from '../edition/edition.service';
import { BudgetScale } from '../project/project.entity';
import { parseProjectId } from '../project/project.service';
import { appendVoteTallyEvents } from '../vote-tally-event/vote-tally-event.service';
import { BudgetVote, BudgetVoteChoice, type BudgetVoteSummary, type BudgetVoteTally } from './vote.entity';
import type { CastVoteInput } from './vote.input';

/** The city's rule: a ballot holds up to four projects of each scale. */
export const MAX_CHOICES_PER_SCALE = 4;
const MAX_ID_LENGTH = 200;

export interface CastVoteResult {
  vote: BudgetVote;
  replayed: boolean;
  /** The projects whose tally the ballot changed (none on a replay). */
  changedProjectIds: number[];
}

interface Ballot {
  voteId: string;
  citizenId: string;
  edition: number;
  projectIds: number[];
}

export class VoteService {
  constructor(private readonly db: DataSource) {}

  /**
   * The only write path for ballots: validates, then records the ballot and its choices in one
   * transaction, with the new tallies appended to the event log. One ballot per citizen and
   * edition; the same `voteId` with the same content is a replay (returned unchanged, no event),
   * with other content a conflict. Concurrent retries are serialized by the primary and unique
   * keys, so a ballot is never counted twice.
   */
  async castVote(input: CastVoteInput): Promise<CastVoteResult> {
    const ballot = VoteService.validate(input);
    return this.db.transaction(async (manager) => {
      await VoteService.checkChoices(manager, ballot);
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO budget_vote (id, citizen_id, edition, cast_at, origin) VALUES ($1, $2, $3, now(), 'CAST')
         ON CONFLICT DO NOTHING RETURNING id`,
        [ballot.voteId, ballot.citizenId, ballot.edition],
      );
      if (inserted.length === 1) {
        await manager.query(
          'INSERT INTO budget_vote_choice (vote_id, project_id) SELECT $1, unnest($2::int[])',
          [ballot.voteId, ballot.projectIds],
        );
        await appendVoteTallyEvents(manager, ballot);
        const vote = await manager.getRepository(BudgetVote).findOneByOrFail({ id: ballot.voteId });
        return { vote, replayed: false, changedProjectIds: ballot.projectIds };
      }
      return { vote: await VoteService.replayOf(manager, ballot), replayed: true, changedProjectIds: [] };
    });
  }

  /**
   * The `first` most voted projects of each edition (ties by project id), for several editions in
   * one statement.
   */
  async tallies(editions: readonly number[], first: number | null | undefined): Promise<BudgetVoteTally[]> {
    const size = pageSize(first);
    const rows = await this.db.query<{ edition: number; project_id: number; votes: number }[]>(
      `SELECT edition, project_id, votes FROM (
         SELECT project.edition, project.id AS project_id, count(choice.vote_id)::int AS votes,
                row_number() OVER (PARTITION BY project.edition ORDER BY count(choice.vote_id) DESC, project.id) AS rank
         FROM budget_project project LEFT JOIN budget_vote_choice choice ON choice.project_id = project.id
         WHERE project.edition = ANY($1::smallint[]) GROUP BY project.edition, project.id) ranked
       WHERE rank <= $2 ORDER BY edition, rank`,
      [[...editions], size],
    );
    return rows.map((row) => ({ edition: row.edition, projectId: row.project_id, votes: row.votes }));
  }

  async votesByProject(projectIds: readonly number[]): Promise<Map<number, number>> {
    const rows = await this.db.query<{ project_id: number; votes: number }[]>(
      `SELECT project_id, count(*)::int AS votes FROM budget_vote_choice WHERE project_id = ANY($1::int[]) GROUP BY project_id`,
      [[...projectIds]],
    );
    return new Map(rows.map((row) => [row.project_id, row.votes]));
  }

  choicesOf(voteIds: readonly string[]): Promise<BudgetVoteChoice[]> {
    return this.db
      .getRepository(BudgetVoteChoice)
      .createQueryBuilder('choice')
      .where('choice.voteId IN (:...voteIds)', { voteIds: [...voteIds] })
      .orderBy('choice.projectId')
      .getMany();
  }

  async summaries(years: readonly number[]): Promise<(BudgetVoteSummary & { edition: number })[]> {
    const rows = await this.db.query<
      { edition: number; ballots: number; generated: number; cast: number; choices: number }[]
    >(
      `WITH ballots AS (
         SELECT edition, count(*)::int AS ballots,
                count(*) FILTER (WHERE origin = 'GENERATED')::int AS generated,
                count(*) FILTER (WHERE origin = 'CAST')::int AS cast
         FROM budget_vote WHERE edition = ANY($1::smallint[]) GROUP BY edition),
       choices AS (
         SELECT vote.edition, count(*)::int AS choices
         FROM budget_vote_choice choice JOIN budget_vote vote ON vote.id = choice.vote_id
         WHERE vote.edition = ANY($1::smallint[]) GROUP BY vote.edition)
       SELECT ballots.*, coalesce(choices.choices, 0) AS choices
       FROM ballots LEFT JOIN choices ON choices.edition = ballots.edition`,
      [[...years]],
    );
    return rows.map((row) => ({
      edition: row.edition,
      ballots: row.ballots,
      choices: row.choices,
      generatedBallots: row.generated,
      castBallots: row.cast,
    }));
  }

  private static validate(input: CastVoteInput): Ballot {
    const voteId = input.voteId.trim();
    const citizenId = input.citizenId.trim();
    validateEdition(input.edition, 'input.edition');
    if (!voteId || voteId.length > MAX_ID_LENGTH)
      throw badInput(`\`voteId\` must be 1 to ${MAX_ID_LENGTH} characters`, 'voteId');
    if (!citizenId || citizenId.length > MAX_ID_LENGTH) {
      throw badInput(`\`citizenId\` must be 1 to ${MAX_ID_LENGTH} characters`, 'citizenId');
    }
    if (input.projectIds.length === 0)
      throw badInput('`projectIds` must name at least one project', 'projectIds');
    const projectIds = input.projectIds.map((id) => {
      const parsed = parseProjectId(id);
      if (parsed === null) throw badInput(`\`projectIds\`: "${id}" is not a project id`, 'projectIds');
      return parsed;
    });
    if (new Set(projectIds).size !== projectIds.length)
      throw badInput('`projectIds` names a project twice', 'projectIds');
    return { voteId, citizenId, edition: input.edition, projectIds: projectIds.sort((a, b) => a - b) };
  }

  private static async checkChoices(manager: EntityManager, ballot: Ballot): Promise<void> {
    const editions = await manager.query<unknown[]>('SELECT 1 FROM budget_edition WHERE year = $1', [
      ballot.edition,
    ]);
    if (editions.length === 0)
      throw badInput(`There is no ${ballot.edition} edition of the Participatory Budget`, 'edition');
    const projects = await manager.query<{ id: number; edition: number; scale: BudgetScale }[]>(
      'SELECT id, edition, scale FROM budget_project WHERE id = ANY($1::int[])',
      [ballot.projectIds],
    );
    const strangers = ballot.projectIds.filter(
      (id) => !projects.some((project) => project.id === id && project.edition === ballot.edition),
    );
    if (strangers.length > 0) {
      throw badInput(
        `\`projectIds\`: ${strangers.join(', ')} are not projects of the ${ballot.edition} edition`,
        'projectIds',
      );
    }
    for (const scale of Object.values(BudgetScale)) {
      if (projects.filter((project) => project.scale === scale).length > MAX_CHOICES_PER_SCALE) {
        throw badInput(`A ballot holds at most ${MAX_CHOICES_PER_SCALE} ${scale} projects`, 'projectIds');
      }
    }
  }

  /** The ballot already recorded under this id, if it is the same ballot; a conflict otherwise. */
  private static async replayOf(manager: EntityManager, ballot: Ballot): Promise<BudgetVote> {
    const existing = await manager.getRepository(BudgetVote).findOneBy({ id: ballot.voteId });
    if (!existing) {
      throw conflict(`This citizen has already voted in the ${ballot.edition} edition`);
    }
    const choices = await manager.query<{ project_id: number }[]>(
      'SELECT project_id FROM budget_vote_choice WHERE vote_id = $1 ORDER BY project_id',
      [ballot.voteId],
    );
    const same =
      existing.citizenId === ballot.citizenId &&
      existing.edition === ballot.edition &&
      choices.map((choice) => choice.project_id).join(',') === ballot.projectIds.join(',');
    if (!same) throw conflict(`Ballot ${ballot.voteId} was already recorded with different content`);
    return existing;
  }
}
