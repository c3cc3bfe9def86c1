import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { gatewayExecArgv } from '#gateway/node-options';
import { openDatabase } from '#platform/open-database';
import { EmbeddedClusterError } from '#platform/embedded-postgres';
import { liveFeedsWanted, startLiveFeeds, type LiveFeeds } from '../live';
import { drainTimeoutMs } from '#platform/http';
import { logger } from '#platform/logger';
import { livenessOptionsFromEnv, watchLiveness } from '#platform/observability/liveness';
import { tracingExecArgv } from '#platform/observability/tracing';
import { prepareDatabase } from '../platform';
import { SUBGRAPHS } from '../registry';
import { subgraphExecArgv } from '#platform/subgraphs';

const projectRoot = path.join(__dirname, '..', '..', '..');
const distRoot = path.join(projectRoot, 'dist');

interface Service {
  name: string;
  script: string;
  args: string[];
  child?: ChildProcess;
  restarts: number;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed data when the
 * database is empty, then the seven subgraphs and the gateway as supervised child processes.
 * Ctrl-C or SIGTERM drains and stops them all (gateway, subgraphs, then the embedded database,
 * each within `SHUTDOWN_DRAIN_MS`); the data stays for the next start.
 */
async function main(): Promise<void> {
  const openDataDir = process.env.PARIS_OPEN_DATA_DIR;
  const scale = Number(argument('scale') ?? process.env.SCALE ?? 1);
  const seed = Number(argument('seed') ?? process.env.SEED ?? 2026);
  if (!(scale > 0) || !Number.isInteger(seed))
    throw new Error('--scale must be a positive number and --seed an integer');

  const liveness = livenessOptionsFromEnv();
  const database = await openDatabase(projectRoot);
  let stopping = false;
  let live: LiveFeeds | undefined;
  const services: Service[] = [
    ...SUBGRAPHS.map((definition) => ({
      name: definition.name,
      script: path.join(distRoot, 'app', 'subgraph.js'),
      args: [definition.name],
      restarts: 0,
    })),
    { name: 'gateway', script: path.join(distRoot, 'gateway', 'src', 'index.js'), args: [], restarts: 0 },
  ];

  /** SIGTERM, then the service's own drain; SIGKILL only if it outlives the drain by far. */
  const stopService = (service: Service) =>
    new Promise<void>((resolve) => {
      const child = service.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill('SIGKILL'), drainTimeoutMs() + 5_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping the platform');
    // The feeds first: they would only log failures while the services go down.
    await live?.stop();
    // The gateway drains first: its requests in flight still need the subgraphs, which need the database.
    const gateway = services.filter((service) => service.name === 'gateway');
    await Promise.all(gateway.map(stopService));
    await Promise.all(services.filter((service) => !gateway.includes(service)).map(stopService));
    await database.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    if (!openDataDir) {
      logger.info(
        'PARIS_OPEN_DATA_DIR is not set: seeding generated and reference data (set it to import the real exports)',
      );
    }
    await prepareDatabase(database.url, SUBGRAPHS, { openDataDir, scale, seed });

    const gatewaySecret = process.env.GATEWAY_SECRET ?? randomBytes(32).toString('hex');
    // The simulator and the MQTT bridge ingest through the gateway like sensors: they need a key
    // with the sensor role, so one is made for this run when none is configured.
    const operatorApiKey =
      process.env.OPERATOR_API_KEY ?? (liveFeedsWanted() ? randomBytes(32).toString('hex') : undefined);
    const environment = {
      ...process.env,
      DATABASE_URL: database.url,
      GATEWAY_SECRET: gatewaySecret,
      ...(operatorApiKey ? { OPERATOR_API_KEY: operatorApiKey } : {}),
    };

    const launch = (service: Service): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = fork(service.script, service.args, {
          env: { ...environment, OCG_SERVICE: service.name },
          execArgv: [
            ...tracingExecArgv(),
            ...(service.name === 'gateway' ? gatewayExecArgv() : subgraphExecArgv()),
          ],
        });
        service.child = child;
        child.once('message', (message: { url?: string }) => {
          if (message.url) watchLiveness(service.name, message.url, child, liveness);
          resolve(message.url ?? '');
        });
        child.once('exit', (code, signal) => {
          reject(new Error(`${service.name} exited during start (code ${code}, signal ${signal})`));
          if (stopping || service.child !== child) return;
          // A service that dies later is restarted with a growing delay; the others keep serving.
          service.restarts += 1;
          const delay = Math.min(30_000, 500 * 2 ** Math.min(service.restarts, 6));
          logger.error(
            { service: service.name, code, signal, restartInMs: delay },
            'service exited; restarting',
          );
          setTimeout(() => {
            if (!stopping)
              launch(service).catch((error: unknown) => logger.error({ err: error }, 'restart failed'));
          }, delay);
        });
      });

    await Promise.all(services.filter((service) => service.name !== 'gateway').map(launch));
    const gatewayUrl = await launch(services[services.length - 1]);
    if (operatorApiKey && liveFeedsWanted())
      live = startLiveFeeds({ gatewayUrl, apiKey: operatorApiKey, seed });
    const where = database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL';
    console.log(
      `\nOpen City Graph is running on ${where}.\n  GraphQL: ${gatewayUrl}\n  Health:  ${gatewayUrl.replace(/\/graphql$/, '/health')}\nPress Ctrl-C to stop.\n`,
    );
  } catch (error) {
    logger.fatal({ err: error }, 'the platform failed to start');
    await stopAll(1);
  }
}

main().catch((error: unknown) => {
  if (error instanceof EmbeddedClusterError) console.error(error.message);
  else logger.fatal({ err: error }, 'the platform failed to start');
  process.exit(1);
});
