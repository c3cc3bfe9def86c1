import pino from 'pino';
import { currentRequestId } from './observability/request-context';

/**
 * One structured logger for every process; `LOG_LEVEL` tunes it (tests default to warnings only).
 * A line written while serving a request carries its `requestId`, the same in every service.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
  base: { service: process.env.OCG_SERVICE ?? 'open-city-graph' },
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
});
