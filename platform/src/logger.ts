import pino from 'pino';

/** One structured logger for every process; `LOG_LEVEL` tunes it (tests default to warnings only). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
  base: { service: process.env.OCG_SERVICE ?? 'open-city-graph' },
});
