import 'reflect-metadata';
import { FailureTally, launchBenchPlatform, MIXED_QUERIES, sendOperation } from './launcher';

/**
 * `npm run soak`: the platform as `npm start` runs it, a fixed request rate of mixed queries through
 * the gateway for `SOAK_MINUTES` (10; 1 for a quick look) at `SOAK_RPS` (20) requests per second.
 * Prints errors (target 0) and the gateway process's RSS at start and end (growth target < 10 %).
 * Figures are printed, never asserted.
 */
async function main(): Promise<void> {
  const minutes = Number(process.env.SOAK_MINUTES ?? 10);
  const rate = Number(process.env.SOAK_RPS ?? 20);
  if (!(minutes > 0) || !(rate > 0)) throw new Error('SOAK_MINUTES and SOAK_RPS must be positive numbers');
  const platform = await launchBenchPlatform();
  const gatewayPid = platform.pidOf('gateway');
  if (!gatewayPid) throw new Error('the gateway process was not found');
  try {
    // Warm-up: plans cached, pools filled, JIT settled, so the start figure is the steady state's.
    for (let round = 0; round < 20; round += 1)
      await Promise.all(MIXED_QUERIES.map((query) => sendOperation(platform.gatewayUrl, query)));
    const rssStart = platform.rssMiB(gatewayPid);
    let sent = 0;
    const failures = new FailureTally();
    let peakRss = rssStart;
    const latencies: number[] = [];
    const inFlight = new Set<Promise<void>>();
    const started = Date.now();
    const end = started + minutes * 60_000;
    let nextReport = started + 60_000;
    // Open loop: requests leave on schedule whatever the answers' speed, as independent clients do.
    for (let next = started; next < end; next += 1000 / rate) {
      const wait = next - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const query = MIXED_QUERIES[sent % MIXED_QUERIES.length];
      sent += 1;
      const begun = performance.now();
      const request = sendOperation(platform.gatewayUrl, query).then((outcome) => {
        latencies.push(performance.now() - begun);
        failures.record(outcome);
        inFlight.delete(request);
      });
      inFlight.add(request);
      if (Date.now() >= nextReport) {
        nextReport += 60_000;
        peakRss = Math.max(peakRss, platform.rssMiB(gatewayPid));
        console.log(
          `  ${Math.round((Date.now() - started) / 60_000)} min: ${sent} sent, ${failures}, gateway RSS ${platform.rssMiB(gatewayPid).toFixed(1)} MiB`,
        );
      }
    }
    await Promise.all(inFlight);
    const rssEnd = platform.rssMiB(gatewayPid);
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    console.log(
      `\nSoak — ${minutes} min at ${rate} req/s, ${MIXED_QUERIES.length} mixed queries, services in their own processes`,
    );
    console.log(`  requests:   ${sent} sent, ${failures} (target 0 failed)`);
    console.log(`  latency:    p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms`);
    console.log(
      `  gateway RSS: ${rssStart.toFixed(1)} MiB at start, ${rssEnd.toFixed(1)} MiB at end, peak ${Math.max(peakRss, rssEnd).toFixed(1)} MiB, growth ${(((rssEnd - rssStart) / rssStart) * 100).toFixed(1)} % (target < 10 %)`,
    );
  } finally {
    const code = await platform.stop();
    console.log(`  platform stopped (launcher exit code ${code})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
