/** The seven services of the graph, in composition order, with the port each listens on by default. */
export const SUBGRAPH_NAMES = [
  'territory',
  'energy',
  'waste',
  'mobility',
  'budget',
  'datacity',
  'training',
] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = {
  territory: 4101,
  energy: 4102,
  waste: 4103,
  mobility: 4104,
  budget: 4105,
  datacity: 4106,
  training: 4107,
};

/** `SUBGRAPH_<NAME>_PORT` overrides a default port (several platforms on one machine, tests). */
export function subgraphPort(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): number {
  const override = env[`SUBGRAPH_${name.toUpperCase()}_PORT`];
  return override ? Number(override) : DEFAULT_PORTS[name];
}

export function subgraphUrl(name: SubgraphName, port = subgraphPort(name)): string {
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * Node options of a subgraph process. V8 sizes its heap by the machine's memory (gigabytes here)
 * and collects lazily below that: a 10-million-row Parquet export then held 250–266 MiB of
 * garbage. Bounded at `SUBGRAPH_HEAP_MB` (192) the same export peaks near 157 MiB, and runs no slower.
 */
export function subgraphExecArgv(env: NodeJS.ProcessEnv = process.env): string[] {
  const megabytes = Number(env.SUBGRAPH_HEAP_MB ?? 192);
  if (!Number.isInteger(megabytes) || megabytes < 64)
    throw new Error('SUBGRAPH_HEAP_MB must be a whole number of megabytes, at least 64');
  return [...process.execArgv, `--max-old-space-size=${megabytes}`];
}
