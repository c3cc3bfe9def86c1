import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { logger } from '#platform/logger';

/**
 * `GATEWAY_WORKERS`: how many gateway processes share the port (node:cluster). Under the launcher
 * (`npm start`) it defaults to the number of cores; alone (`npm run gateway`, one-core benchmarks), to 1.
 */
export function gatewayWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const fallback = env.OCG_SERVICE === 'gateway' ? availableParallelism() : 1;
  const value = env.GATEWAY_WORKERS === undefined ? fallback : Number(env.GATEWAY_WORKERS);
  if (!Number.isInteger(value) || value < 1) throw new Error('GATEWAY_WORKERS must be a whole number ≥ 1');
  return value;
}

/**
 * Runs `serve` in this process, or in `count` cluster workers that share its port. The primary
 * tells its launcher it is ready once every worker is, restarts a worker that dies, and stops them
 * all on SIGTERM/SIGINT or when its launcher goes away. Subscriptions need nothing more: each
 * worker follows the brokers' streams like any gateway replica.
 */
export function runGatewayWorkers(count: number, serve: () => void): void {
  if (count <= 1 || !cluster.isPrimary) return serve();
  let ready = 0;
  let stopping = false;
  const start = () => {
    const worker = cluster.fork();
    worker.on('message', (message: { ready?: string; url?: string }) => {
      if (message.ready && (ready += 1) === count) process.send?.(message);
    });
  };
  for (let index = 0; index < count; index += 1) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
    ready -= 1;
    start();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}
