import type { Logger } from 'typeorm';
import { logger } from './logger';

/** TypeORM's log lines in the service's own logger: failures at debug, slow statements as warnings. */
export class ServiceLogger implements Logger {
  constructor(readonly schema: string) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    logger.debug({ schema: this.schema, err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    logger.warn({ schema: this.schema, time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info({ schema: this.schema }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ schema: this.schema }, String(message));
  }
}
