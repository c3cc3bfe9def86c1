import type { EntityManager } from 'typeorm';
import { badInput } from '#platform/errors';
import { appendEvent, type LoggedEvent } from '#platform/events/log';
import { parseProjectId } from '../project/project.service';
import type { VoteTallyEventArgs, VoteTallyEventPayload } from './vote-tally-event.entity';

/** The event-log stream of tally changes; subscribers filter it by edition and project. */
export const VOTE_TALLY_STREAM = 'budget-vote-tally';
/** The root query field answering that stream's position (read first: #platform/events/position). */
export const VOTE_TALLY_POSITION_FIELD = 'budgetEventPosition';

/**
 * Appends the new count of each project a ballot chose, in the ballot's transaction, so a
 * subscriber sees it exactly when, and only if, the ballot commits. The project rows are locked
 * first (in id order, against deadlocks) so that two concurrent ballots for a project count one
 * after the other: the second one's count includes the first's choice, and the counts a
 * subscriber receives only grow. NO KEY UPDATE does not conflict with the key-share locks the
 * choices' foreign keys take. `voteId` makes each event idempotent with its ballot.
 */
export async function appendVoteTallyEvents(
  manager: EntityManager,
  ballot: { voteId: string; edition: number; projectIds: number[] },
): Promise<void> {
  const projectIds = [...ballot.projectIds].sort((a, b) => a - b);
  await manager.query(
    'SELECT id FROM budget_project WHERE id = ANY($1::int[]) ORDER BY id FOR NO KEY UPDATE',
    [projectIds],
  );
  const counts = await manager.query<{ project_id: number; votes: number }[]>(
    `SELECT project_id, count(*)::int AS votes FROM budget_vote_choice
     WHERE project_id = ANY($1::int[]) GROUP BY project_id ORDER BY project_id`,
    [projectIds],
  );
  for (const count of counts) {
    const payload: VoteTallyEventPayload = {
      edition: ballot.edition,
      projectId: count.project_id,
      votes: count.votes,
    };
    await appendEvent(manager, VOTE_TALLY_STREAM, 'VOTE_TALLY_CHANGED', payload, {
      idempotencyKey: `${VOTE_TALLY_STREAM}:${ballot.voteId}:${count.project_id}`,
    });
  }
}

/** Checks a subscription's filters and returns the test each event must pass. */
export function voteTallyFilter(
  args: VoteTallyEventArgs,
): (event: LoggedEvent<VoteTallyEventPayload>) => boolean {
  let projectId: number | null = null;
  if (args.projectId !== null && args.projectId !== undefined) {
    projectId = parseProjectId(args.projectId);
    if (projectId === null)
      throw badInput(`\`projectId\`: "${args.projectId}" is not a project id`, 'projectId');
  }
  return ({ payload }) =>
    payload.edition === args.edition && (projectId === null || payload.projectId === projectId);
}
