/** A row a foreign key guarantees: its absence means a broken database, not a caller's mistake. */
export function required<T>(row: T | null | Error, what: string): T {
  if (row instanceof Error) throw row;
  if (row === null) throw new Error(`${what} is missing`);
  return row;
}
