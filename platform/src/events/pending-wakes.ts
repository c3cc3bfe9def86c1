import type { DataSource, QueryRunner } from 'typeorm';

/** Data sources with an event hub in this process: a reader here to wake (others poll). */
const listening = new WeakSet<DataSource>();
/** Streams a still-open transaction appended to: published only once it commits. */
const pending = new WeakMap<QueryRunner, Set<string>>();

export function listenForWakes(db: DataSource): void {
  listening.add(db);
}

export function stopListeningForWakes(db: DataSource): void {
  listening.delete(db);
}

/** Called by appendEvent: remembers the stream until the transaction's outcome is known. */
export function markStreamChanged(queryRunner: QueryRunner, stream: string): void {
  if (!listening.has(queryRunner.connection)) return;
  const streams = pending.get(queryRunner) ?? new Set<string>();
  streams.add(stream);
  pending.set(queryRunner, streams);
}

/** The streams a transaction changed, once: on commit they are published, on rollback dropped. */
export function takePendingWakes(queryRunner: QueryRunner): Set<string> | undefined {
  const streams = pending.get(queryRunner);
  pending.delete(queryRunner);
  return streams;
}
