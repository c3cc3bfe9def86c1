/** How the clients' requests differ: `unique` defeats in-flight deduplication, `identical` allows it. */
export type LoadMode = 'unique' | 'identical';

/** One gateway under one load in one round. */
export interface Measurement {
  round: number;
  gateway: string;
  mode: LoadMode;
  /** Answers equal to the reference, per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers equal to the reference. */
  answers: number;
  /** Answers that were not (status, errors, mismatch) plus connection errors and timeouts. */
  failures: number;
  /** Fetches the subgraphs counted for one request sent alone (the query plan's fetches). */
  fetchesAlone: number;
  /** Fetches the subgraphs counted for the run (until the gateway is idle again), per request sent. */
  fetchesPerRequest: number;
  /** The gateway's CPU (user + system, whole process group) over the run's wall time; 100 = one core. */
  gatewayCpuPercent: number;
  gatewayRssMb: number;
  /** Busy time of the gateway's core not spent by the gateway: other load on this shared machine. */
  otherLoadPercent: number;
}

export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = finite.length >> 1;
  return finite.length % 2 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

/** `measurement`'s req/s over its peer's in the same round and mode (NaN without that peer). */
export function ratioWithinRound(
  measurements: Measurement[],
  measurement: Measurement,
  peer: string,
): number {
  const base = measurements.find(
    (other) => other.gateway === peer && other.round === measurement.round && other.mode === measurement.mode,
  );
  return base && base.requestsPerSecond > 0
    ? measurement.requestsPerSecond / base.requestsPerSecond
    : Number.NaN;
}

export interface GatewaySummary {
  gateway: string;
  mode: LoadMode;
  requestsPerSecond: number;
  minRequestsPerSecond: number;
  maxRequestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  fetchesAlone: number;
  fetchesPerRequest: number;
  gatewayCpuPercent: number;
  gatewayRssMb: number;
  /** Per peer: the ratio within each round, and their median (never a ratio of medians). */
  ratios: Record<string, { perRound: number[]; median: number }>;
}

/** Medians over the rounds for each gateway and mode, with ratios to `peers` taken round by round. */
export function summarise(measurements: Measurement[], peers: string[]): GatewaySummary[] {
  const summaries: GatewaySummary[] = [];
  for (const mode of ['unique', 'identical'] as const) {
    const gateways = [...new Set(measurements.filter((m) => m.mode === mode).map((m) => m.gateway))];
    for (const gateway of gateways) {
      const runs = measurements.filter((m) => m.gateway === gateway && m.mode === mode);
      const rps = runs.map((m) => m.requestsPerSecond);
      const ratios = Object.fromEntries(
        peers.map((peer) => {
          const perRound = runs.map((m) => ratioWithinRound(measurements, m, peer));
          return [peer, { perRound, median: median(perRound) }];
        }),
      );
      summaries.push({
        gateway,
        mode,
        requestsPerSecond: median(rps),
        minRequestsPerSecond: Math.min(...rps),
        maxRequestsPerSecond: Math.max(...rps),
        p50Ms: median(runs.map((m) => m.p50Ms)),
        p99Ms: median(runs.map((m) => m.p99Ms)),
        failures: runs.reduce((total, m) => total + m.failures, 0),
        fetchesAlone: median(runs.map((m) => m.fetchesAlone)),
        fetchesPerRequest: median(runs.map((m) => m.fetchesPerRequest)),
        gatewayCpuPercent: median(runs.map((m) => m.gatewayCpuPercent)),
        gatewayRssMb: median(runs.map((m) => m.gatewayRssMb)),
        ratios,
      });
    }
  }
  return summaries;
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');

export function markdownTable(headers: string[], rows: string[][]): string {
  const align = headers.map((_, column) => (column === 0 ? '---' : '---:'));
  return [headers, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Every measured run, as it happened. */
export function runsTable(measurements: Measurement[], labels: Record<string, string>): string {
  return markdownTable(
    [
      'round',
      'requests',
      'gateway',
      'req/s',
      'p50 ms',
      'p99 ms',
      'answers',
      'failures',
      'fetches/req',
      'gw CPU %',
      'gw RSS MB',
      'other load on gw core %',
    ],
    measurements.map((m) => [
      String(m.round),
      m.mode,
      labels[m.gateway] ?? m.gateway,
      fixed(m.requestsPerSecond, 1),
      fixed(m.p50Ms),
      fixed(m.p99Ms),
      String(m.answers),
      String(m.failures),
      fixed(m.fetchesPerRequest, 1),
      fixed(m.gatewayCpuPercent),
      fixed(m.gatewayRssMb),
      fixed(m.otherLoadPercent),
    ]),
  );
}

/** The summary: medians over rounds, ratios to each peer (median of the per-round ratios). */
export function summaryTable(
  summaries: GatewaySummary[],
  peers: string[],
  labels: Record<string, string>,
): string {
  return markdownTable(
    [
      'requests',
      'gateway',
      'req/s (min–max)',
      ...peers.map((peer) => `÷ ${labels[peer] ?? peer} (per round)`),
      'p50 ms',
      'p99 ms',
      'fetches alone',
      'fetches/req under load',
      'gw CPU %',
      'gw RSS MB',
      'failures',
    ],
    summaries.map((s) => [
      s.mode,
      labels[s.gateway] ?? s.gateway,
      `${fixed(s.requestsPerSecond, 1)} (${fixed(s.minRequestsPerSecond)}–${fixed(s.maxRequestsPerSecond)})`,
      ...peers.map(
        (peer) =>
          `${times(s.ratios[peer].median)} (${s.ratios[peer].perRound.map((r) => fixed(r, 2)).join(', ')})`,
      ),
      fixed(s.p50Ms),
      fixed(s.p99Ms),
      fixed(s.fetchesAlone),
      fixed(s.fetchesPerRequest, 1),
      fixed(s.gatewayCpuPercent),
      fixed(s.gatewayRssMb),
      String(s.failures),
    ]),
  );
}
