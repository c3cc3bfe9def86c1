import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchPlatform, type LaunchedPlatform } from '#test/launcher';

let platform: LaunchedPlatform;
beforeAll(async () => {
  platform = await launchPlatform({
    DATABASE_URL: inject('databaseUrl'),
    LOG_LEVEL: 'debug',
    LIVENESS_INTERVAL_MS: '1000',
    LIVENESS_FAILURES: '8',
    PARIS_OPEN_DATA_DIR: undefined,
    VITEST: undefined,
  });
}, 300_000);
afterAll(() => platform?.stop());

const QUERY = '{ arrondissement(code: 17) { name wasteStations(first: 2) { totalCount } } }';

function query(headers: Record<string, string> = {}) {
  return fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the launcher’s services', () => {
  it('write one request id on every log line of a request, in the gateway and each subgraph it reached', async () => {
    const answer = await query({ 'x-request-id': 'ops-trace-17' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe('ops-trace-17');
    const lines = await until(() => {
      const found = platform
        .output()
        .split('\n')
        .filter((line) => line.includes('ops-trace-17'))
        .map((line) => JSON.parse(line) as { service: string; requestId?: string });
      const services = new Set(found.map((line) => line.service));
      // The gateway writes its line when the answer has left: it may come after the subgraphs'.
      return services.has('gateway') && services.has('territory') && services.has('waste')
        ? found
        : undefined;
    }, 10_000);
    expect(lines.every((line) => line.requestId === 'ops-trace-17')).toBe(true);
    expect(new Set(lines.map((line) => line.service))).toEqual(new Set(['gateway', 'territory', 'waste']));
  });

  it('restart a subgraph that stops answering its liveness check', async () => {
    const stuck = platform.pidOf('territory');
    expect(stuck).toBeDefined();
    process.kill(stuck!, 'SIGSTOP'); // alive for the kernel, dead to its callers
    const restarted = await until(() => {
      const pid = platform.pidOf('territory');
      return pid !== undefined && pid !== stuck ? pid : undefined;
    }, 30_000);
    expect(restarted).not.toBe(stuck);
    const answer = await until(async () => {
      const response = await query();
      const body = (await response.json()) as {
        data?: { arrondissement?: { name: string } };
        errors?: unknown;
      };
      return body.errors === undefined ? body : undefined;
    }, 30_000);
    expect(answer.data?.arrondissement?.name).toBe('17ème Ardt');
  });
});
