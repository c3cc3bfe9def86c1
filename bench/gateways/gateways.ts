import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What each gateway under test needs to start. */
export interface GatewaySetting {
  supergraphPath: string;
  port: number;
  /** The project's gateway keeps its API keys in PostgreSQL, even with rate limits off. */
  databaseUrl: string;
  projectRoot: string;
}

export interface GatewayUnderTest {
  id: string;
  label: string;
  /** Its name in the tables. */
  short: string;
  /** `node <args>` (or `command <args>`), run in `cwd` with `env` added. */
  launch(setting: GatewaySetting): { args: string[]; command?: string; cwd?: string; env: NodeJS.ProcessEnv };
  /** How long it may take to answer its first request (`npm run gateway` may build first). */
  startTimeoutMs: number;
}

const stock: GatewayUnderTest = {
  id: 'apollo',
  label: 'stock @apollo/gateway in @apollo/server',
  short: 'stock Apollo',
  launch: ({ supergraphPath, port }) => ({
    args: [path.join(__dirname, 'apollo-gateway.js')],
    env: { SUPERGRAPH_PATH: supergraphPath, PORT: String(port) },
  }),
  startTimeoutMs: 60_000,
};

function hiveCli(): string {
  const manifest = require.resolve('@graphql-hive/gateway/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), bin['hive-gateway']);
}

const hiveTuned: GatewayUnderTest = {
  id: 'hive-tuned',
  label: "Hive Gateway, The Guild's config (JIT + inbound in-flight dedup)",
  short: 'Hive tuned',
  launch: ({ supergraphPath, port }) => ({
    // One worker (`--fork 1`): every gateway gets one process on one core.
    args: [
      hiveCli(),
      'supergraph',
      supergraphPath,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--fork',
      '1',
      '-c',
      path.join(__dirname, 'hive-gateway.config.js'),
    ],
    env: {},
  }),
  startTimeoutMs: 60_000,
};

/** The project's gateway: `npm run gateway` when the project has that script, else its built entry point. */
const ours: GatewayUnderTest = {
  id: 'ocg',
  label: 'ours (Open City Graph gateway, limits opened, rate limits off)',
  short: 'ours',
  launch: ({ supergraphPath, port, databaseUrl, projectRoot }) => {
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    const npm = path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'bin',
      'npm-cli.js',
    );
    return {
      args: manifest.scripts?.gateway
        ? [npm, 'run', '--silent', 'gateway']
        : [path.join(projectRoot, 'dist', 'gateway', 'src', 'index.js')],
      cwd: projectRoot,
      env: {
        SUPERGRAPH_PATH: supergraphPath,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        GATEWAY_SECRET: 'bench-gateways-secret',
        RATE_LIMIT_ENABLED: 'false',
        GRAPHQL_MAX_COST: '1000000000',
        GRAPHQL_MAX_DEPTH: '50',
        LOG_LEVEL: 'warn',
      },
    };
  },
  startTimeoutMs: 240_000,
};

/** Every gateway the benchmark knows, the stock one first: ratios are taken to it. */
export const GATEWAYS_UNDER_TEST: GatewayUnderTest[] = [stock, hiveTuned, ours];
