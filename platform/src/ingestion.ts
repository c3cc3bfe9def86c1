import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Writes rows in chunks small enough for PostgreSQL's 65,535 bind-parameter limit. */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  chunkSize = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + chunkSize))
      .execute();
  }
}

/** A problem in an input file, located precisely enough for a person to fix it. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly column: string,
    problem: string,
  ) {
    super(`${file}, row ${row}, column "${column}": ${problem}`);
  }
}
