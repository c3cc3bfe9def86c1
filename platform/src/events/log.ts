import type { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../errors';
import { markStreamChanged } from './pending-wakes';

/** One entry of the event log; `position` is what clients see as `eventId`. */
export interface LoggedEvent<TPayload = unknown> {
  position: bigint;
  stream: string;
  type: string;
  payload: TPayload;
  createdAt: Date;
}

interface EventRow {
  position: string;
  stream: string;
  type: string;
  payload: unknown;
  created_at: Date;
}

/** Advisory-lock class of the per-stream append lock (the second key is the stream's hash). */
const STREAM_LOCK_CLASS = 7510200;

/** `EVENT_RETENTION_HOURS` (default a week): how long the log keeps events for resuming clients. */
export function eventRetentionHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.EVENT_RETENTION_HOURS ?? 168);
  if (!(hours > 0)) throw new Error('EVENT_RETENTION_HOURS must be a positive number of hours');
  return hours;
}

/**
 * Appends an event in the caller's transaction; the broker is woken only once it commits. The
 * per-stream transaction lock makes positions of one stream commit in order, so a reader that
 * has seen position p can never later find a smaller one appear (no gap behind a slow writer).
 * With an `idempotencyKey` already logged, nothing is appended and undefined is returned.
 */
export async function appendEvent<TPayload>(
  manager: EntityManager,
  stream: string,
  type: string,
  payload: TPayload,
  options: { idempotencyKey?: string } = {},
): Promise<LoggedEvent<TPayload> | undefined> {
  const queryRunner = manager.queryRunner;
  if (!queryRunner?.isTransactionActive) {
    throw new Error(`appendEvent(${stream}) must run inside the transaction of the change it records`);
  }
  // Lock and insert in one round trip: the row to insert is read from the lock call, so its
  // position (the column's sequence default, drawn for that row) is drawn once the lock is held.
  const rows = await manager.query<EventRow[]>(
    `INSERT INTO event_log (stream, type, payload, event_id)
     SELECT $2::text, $3::text, $4::jsonb, coalesce($5::text, gen_random_uuid()::text)
     FROM pg_advisory_xact_lock($1, hashtext($2))
     ON CONFLICT (event_id) DO NOTHING
     RETURNING position::text AS position, stream, type, payload, created_at`,
    [STREAM_LOCK_CLASS, stream, type, JSON.stringify(payload), options.idempotencyKey ?? null],
  );
  if (rows.length === 0) return undefined;
  markStreamChanged(queryRunner, stream);
  return toEvent<TPayload>(rows[0]);
}

/** The next events of `stream` after `after`, in order. */
export async function readEvents(
  manager: EntityManager,
  stream: string,
  after: bigint,
  limit: number,
): Promise<LoggedEvent[]> {
  // `position` comes out as text (a bigint would lose precision in JS): order by the column, not the alias.
  const rows = await manager.query<EventRow[]>(
    `SELECT position::text AS position, stream, type, payload, created_at FROM event_log
     WHERE stream = $1 AND event_log.position > $2 ORDER BY event_log.position LIMIT $3`,
    [stream, after.toString(), limit],
  );
  return rows.map((row) => toEvent(row));
}

/**
 * Where a subscription starts reading. Without `after`: behind the newest event of the stream
 * (live only). With it: exactly there, once checked — an id that is not a position, one beyond
 * the newest event, or one retention has deleted past answers BAD_USER_INPUT, never a silent gap.
 */
export async function resumePoint(
  manager: EntityManager,
  stream: string,
  after: string | null | undefined,
  retentionHours = eventRetentionHours(),
): Promise<bigint> {
  if (after === null || after === undefined) {
    const [{ newest }] = await manager.query<{ newest: string }[]>(
      'SELECT coalesce(max(position), 0)::text AS newest FROM event_log WHERE stream = $1',
      [stream],
    );
    return BigInt(newest);
  }
  if (!/^\d{1,19}$/.test(after)) {
    throw badInput(
      `after must be an eventId received from this subscription; got ${JSON.stringify(after)}`,
      'after',
    );
  }
  const position = BigInt(after);
  const [{ newest, pruned }] = await manager.query<{ newest: string; pruned: string }[]>(
    `SELECT greatest((SELECT max(position) FROM event_log), pruned_through)::text AS newest, pruned_through::text AS pruned
     FROM event_log_pruned`,
  );
  if (position < BigInt(pruned)) {
    throw badInput(
      `after: eventId ${after} is older than the event retention (${retentionHours} h): events up to ${pruned} ` +
        'were deleted; subscribe again without after and reload the current state',
      'after',
    );
  }
  if (position > BigInt(newest)) {
    throw badInput(`after: eventId ${after} is in the future (the newest event is ${newest})`, 'after');
  }
  return position;
}

/**
 * The position a client reads with the state it shows, to subscribe with `after` set to it: every
 * event of `stream` the state may lack lies after it. The stream's own newest committed position,
 * not the log's: the per-stream append lock commits one stream's positions in order, but another
 * stream may commit a higher position while this one still has a lower one in flight. Never below
 * what retention deleted, which `resumePoint` would refuse for a stream quiet for that long.
 */
export async function streamPosition(manager: EntityManager, stream: string): Promise<string> {
  const [{ position }] = await manager.query<{ position: string }[]>(
    `SELECT greatest((SELECT coalesce(max(position), 0) FROM event_log WHERE stream = $1),
                     (SELECT pruned_through FROM event_log_pruned))::text AS position`,
    [stream],
  );
  return position;
}

/** Deletes events older than the retention and records how far, in one transaction; returns the count. */
export async function pruneEvents(db: DataSource, retentionHours = eventRetentionHours()): Promise<number> {
  return db.transaction(async (manager) => {
    const [{ upto }] = await manager.query<{ upto: string | null }[]>(
      `SELECT max(position)::text AS upto FROM event_log WHERE created_at < now() - $1 * interval '1 hour'`,
      [retentionHours],
    );
    if (upto === null) return 0;
    const [{ count }] = await manager.query<{ count: number }[]>(
      'WITH deleted AS (DELETE FROM event_log WHERE position <= $1 RETURNING 1) SELECT count(*)::int AS count FROM deleted',
      [upto],
    );
    await manager.query('UPDATE event_log_pruned SET pruned_through = greatest(pruned_through, $1)', [upto]);
    return count;
  });
}

function toEvent<TPayload>(row: EventRow): LoggedEvent<TPayload> {
  return {
    position: BigInt(row.position),
    stream: row.stream,
    type: row.type,
    payload: row.payload as TPayload,
    createdAt: row.created_at,
  };
}
