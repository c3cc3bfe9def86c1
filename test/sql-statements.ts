import { ServiceLogger } from '#platform/database-logger';

/**
 * Counts the SQL statements each service sends, by schema, in this process. Tests read it to prove
 * that a list query with nested fields costs a fixed number of statements whatever its page size
 * (no N+1). TypeORM reports every statement to the service's logger; the count hooks in there, so
 * production code carries no counter.
 */
export const sqlStatementCounter = {
  bySchema: new Map<string, number>(),
  total(): number {
    let sum = 0;
    for (const count of this.bySchema.values()) sum += count;
    return sum;
  },
  reset(): void {
    this.bySchema.clear();
  },
};

const logQuery = ServiceLogger.prototype.logQuery;
ServiceLogger.prototype.logQuery = function (this: ServiceLogger, ...args: Parameters<typeof logQuery>) {
  sqlStatementCounter.bySchema.set(this.schema, (sqlStatementCounter.bySchema.get(this.schema) ?? 0) + 1);
  return logQuery.apply(this, args);
};
