import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from './metrics';

const root = path.join(__dirname, '..', '..', '..');

/** Our own metrics: what the registry holds beyond Node.js's default process metrics. */
async function ownMetrics(): Promise<string[]> {
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults, prefix: 'ocg_' });
  const known = new Set((await defaults.getMetricsAsJSON()).map((metric) => metric.name));
  return (await metricsRegistry.getMetricsAsJSON())
    .map((metric) => metric.name)
    .filter((name) => !known.has(name));
}

describe('every metric an operator can watch', () => {
  it('has a panel in the Grafana dashboard and a line in the README', async () => {
    const names = await ownMetrics();
    expect(names.length).toBeGreaterThanOrEqual(11);
    const dashboard = readFileSync(path.join(root, 'ops', 'grafana', 'open-city-graph.json'), 'utf8');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const operating = readme.slice(readme.indexOf('## Operating'), readme.indexOf('## In a browser'));
    expect({ missingFromDashboard: names.filter((name) => !dashboard.includes(name)) }).toEqual({
      missingFromDashboard: [],
    });
    expect({ missingFromReadme: names.filter((name) => !operating.includes(name)) }).toEqual({
      missingFromReadme: [],
    });
  });
});
