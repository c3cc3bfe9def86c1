import 'reflect-metadata';
import { fork } from 'node:child_process';
import path from 'node:path';
import { subscriptionServerOf } from '#gateway/subscriptions/index';
import type { InProcessPlatform } from '#app/platform';
import { startBenchPlatform } from './platform';
import { territory, waste } from '#app/registry';

/**
 * Live subscriptions under load: events per second from ingestion (`reportFillLevel` through the
 * gateway) to delivery, delivery latency p50/p99 at 1, 1,000 and 10,000 subscribers of the same
 * cross-subgraph subscription (graphql-ws clients in a child process), upstream subscriptions and
 * entity fetches per event, and gateway heap per subscriber. Figures are printed, never asserted.
 * `BENCH_SUBSCRIBERS=1,1000,10000` and `BENCH_EVENTS=50` tune it.
 */
const OPERATOR_KEY = 'bench-operator-key';

interface ClientsReport {
  latencies: number[];
  complete: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function report(
  platform: InProcessPlatform,
  stationId: string,
  level: number,
  sequence: number,
): Promise<void> {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': OPERATOR_KEY },
    body: JSON.stringify({
      query: 'mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }',
      variables: {
        input: {
          reportId: `bench-${Date.now()}-${sequence}`,
          stationId,
          stream: 'GLASS',
          fillingLevel: level,
          observedAt: new Date().toISOString(),
        },
      },
    }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`reportFillLevel failed: ${JSON.stringify(body.errors)}`);
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function measure(
  platform: InProcessPlatform,
  subscribers: number,
  events: number,
  stationId: string,
): Promise<string[]> {
  const metrics = subscriptionServerOf(platform.gateway.httpServer)?.metrics;
  if (!metrics) throw new Error('the gateway serves no subscriptions');
  const heapBefore = heapUsed();
  const child = fork(path.join(__dirname, 'subscriptions-clients.js'), [
    platform.gateway.url.replace(/^http/, 'ws'),
    String(subscribers),
    stationId,
  ]);
  const ask = <T>(predicate: (message: T) => boolean): Promise<T> =>
    new Promise((resolve, reject) => {
      const listener = (message: T & { error?: string }) => {
        if (message.error) reject(new Error(message.error));
        else if (predicate(message)) {
          child.off('message', listener);
          resolve(message);
        }
      };
      child.on('message', listener);
    });
  await ask<{ ready?: boolean }>((message) => message.ready === true);
  while (metrics.clients < subscribers) await new Promise((resolve) => setTimeout(resolve, 50));
  const heapPerSubscriber = (heapUsed() - heapBefore) / subscribers;
  const before = { ...metrics };
  const started = Date.now();
  for (let sequence = 0; sequence < events; sequence += 1)
    await report(platform, stationId, ((sequence % 100) + 1) / 100, sequence);
  const expected = before.deliveries + subscribers * events;
  while (metrics.deliveries < expected && Date.now() - started < 120_000)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const elapsed = (Date.now() - started) / 1000;
  child.send({ collect: true, expected: events });
  const { latencies, complete } = await ask<ClientsReport & { latencies?: number[] }>((message) =>
    Array.isArray(message.latencies),
  );
  child.kill();
  while (metrics.upstreamSubscriptions > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  latencies.sort((a, b) => a - b);
  return [
    String(subscribers),
    (events / elapsed).toFixed(1),
    String(Math.round(latencies.length / elapsed)),
    percentile(latencies, 0.5).toFixed(0),
    percentile(latencies, 0.99).toFixed(0),
    `${complete}/${subscribers}`,
    String(metrics.upstreamSubscriptionsOpened - before.upstreamSubscriptionsOpened + 1),
    ((metrics.entityFetches - before.entityFetches) / events).toFixed(2),
    `${(heapPerSubscriber / 1024).toFixed(1)} KiB`,
  ];
}

async function main(): Promise<void> {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  const bench = await startBenchPlatform([territory, waste]);
  const { platform } = bench;
  const counts = (process.env.BENCH_SUBSCRIBERS ?? '1,1000,10000').split(',').map(Number);
  const events = Number(process.env.BENCH_EVENTS ?? 50);
  try {
    const rows: string[][] = [];
    for (const [index, subscribers] of counts.entries()) {
      rows.push(await measure(platform, subscribers, events, `TRILIB-16-000${(index % 9) + 1}`));
    }
    const header = [
      'subscribers',
      'events/s',
      'deliveries/s',
      'p50 ms',
      'p99 ms',
      'got all',
      'upstream subs',
      'entity fetches/event',
      'gateway heap/subscriber',
    ];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => row[column].length)),
    );
    const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
    console.log(
      `\nLive subscriptions — ${events} fill levels per run, wasteStationUpdated with a territory field, one gateway process\n`,
    );
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(
      "\nLatency: from the report's observedAt (set just before the mutation) to receipt in the client process.",
    );
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
