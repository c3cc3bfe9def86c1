import type { ChildProcess } from 'node:child_process';
import { logger } from '../logger';

export interface LivenessOptions {
  /** `LIVENESS_INTERVAL_MS` (5,000): how often the launcher asks. */
  intervalMs: number;
  /** `LIVENESS_FAILURES` (3): consecutive unanswered checks before the process is killed. */
  failures: number;
}

export function livenessOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LivenessOptions {
  const intervalMs = Number(env.LIVENESS_INTERVAL_MS ?? 5_000);
  const failures = Number(env.LIVENESS_FAILURES ?? 3);
  if (!(intervalMs > 0) || !(failures >= 1))
    throw new Error('LIVENESS_INTERVAL_MS must be positive and LIVENESS_FAILURES at least 1');
  return { intervalMs, failures };
}

/**
 * Asks a supervised service's `/health/live` at every interval (each ask bounded by the interval);
 * after `failures` unanswered asks in a row — a process stuck in a loop, deadlocked or stopped —
 * it is killed, and the launcher's exit handler restarts it like any crash. Stops with the process.
 */
export function watchLiveness(
  name: string,
  graphqlUrl: string,
  child: ChildProcess,
  options: LivenessOptions,
): void {
  const url = graphqlUrl.replace(/\/graphql$/, '/health/live');
  let missed = 0;
  const timer = setInterval(() => {
    fetch(url, { signal: AbortSignal.timeout(options.intervalMs) })
      .then((answer) => {
        if (!answer.ok) throw new Error(`status ${answer.status}`);
        missed = 0;
      })
      .catch((error: unknown) => {
        missed += 1;
        if (missed < options.failures || child.exitCode !== null || child.signalCode !== null) return;
        clearInterval(timer);
        logger.error(
          { service: name, missed, err: error },
          'service does not answer its liveness check; killing it to restart it',
        );
        child.kill('SIGKILL');
      });
  }, options.intervalMs);
  timer.unref();
  child.once('exit', () => clearInterval(timer));
}
