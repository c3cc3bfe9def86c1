import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

/** Printed by test/trace-probe.ts (compiled: run `npm run build` first, as `npm test` does). */
interface ProbeSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  statement?: string;
}

const SERVER = 1;
const CLIENT = 2;
const PROBE = path.resolve(__dirname, '..', '..', 'dist', 'test', 'trace-probe.js');

describe('traces', () => {
  it('follow one federated query from the gateway through each subgraph to its SQL, as one tree', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [PROBE], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), VITEST: undefined },
      maxBuffer: 64 * 1024 * 1024,
    });
    const spans = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeSpan);
    const request = spans.find((span) => span.name === 'gateway.request');
    expect(request).toBeDefined();
    const tree = spans.filter((span) => span.traceId === request!.traceId);
    const byId = new Map(tree.map((span) => [span.spanId, span]));
    // One root (the gateway's HTTP server span); every other span's parent is in the same trace.
    const roots = tree.filter((span) => !span.parentSpanId || !byId.has(span.parentSpanId));
    expect(roots).toHaveLength(1);
    expect(roots[0].kind).toBe(SERVER);

    const named = (name: string) => tree.filter((span) => span.name === name);
    expect(named('gateway.plan')).toHaveLength(1);
    const fetches = named('gateway.fetch');
    expect(fetches.length).toBeGreaterThanOrEqual(2);
    const ancestors = (span: ProbeSpan): ProbeSpan[] => {
      const chain: ProbeSpan[] = [];
      for (let at = byId.get(span.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? ''))
        chain.push(at);
      return chain;
    };
    // Each fetch goes out as an HTTP client span, received by a subgraph's server span (traceparent).
    const subgraphRequests = tree.filter(
      (span) =>
        span.kind === SERVER &&
        span !== roots[0] &&
        ancestors(span).some((up) => up.name === 'gateway.fetch'),
    );
    expect(subgraphRequests.length).toBeGreaterThanOrEqual(2);
    expect(subgraphRequests.every((span) => byId.get(span.parentSpanId!)?.kind === CLIENT)).toBe(true);
    // SQL statements and resolver batches sit under the subgraph request that ran them.
    const statements = tree.filter((span) => span.name.startsWith('pg.query'));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expect(statements.every((span) => ancestors(span).some((up) => subgraphRequests.includes(up)))).toBe(
      true,
    );
    const batches = tree.filter((span) => span.name.startsWith('dataloader.batch'));
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.every((span) => ancestors(span).some((up) => subgraphRequests.includes(up)))).toBe(true);
  }, 240_000); // the probe starts a gateway and two subgraphs in its own process
});
