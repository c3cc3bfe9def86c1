import { chromium, type Browser, type Request } from 'playwright-core';
import { launchBenchPlatform } from './launcher';

/**
 * `npm run bench:dashboard`: the platform as `npm start` runs it (services in their own processes,
 * the simulator feeding), and the live dashboard opened `BENCH_DASHBOARD_RUNS` (5) times in Debian's
 * chromium, each time in a fresh profile (cold cache). Prints the JavaScript the page loads (gzipped
 * as sent, and raw), first contentful paint, the time to the first live event shown
 * (`ocg:first-live-update`), to the 20 arrondissements drawn and to the waste stations drawn, as
 * medians. Targets (issue 11): < 500 KB of JavaScript gzipped, first live update within 1 s of load.
 * Figures are printed, never asserted.
 */

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 5);
/** The simulator's first rounds, so the feeds have history to resume, as on a running platform. */
const WARM_UP_SECONDS = Number(process.env.BENCH_DASHBOARD_WARMUP_SECONDS ?? 12);

interface Run {
  jsGzipBytes: number;
  jsRawBytes: number;
  cssGzipBytes: number;
  fcp: number;
  domContentLoaded: number;
  load: number;
  firstLive: number;
  firstLiveFeed: string;
  arrondissementsDrawn: number;
  arrondissementCount: number;
  stationsDrawn: number;
  /** Main-thread time the page spent adding the dots (the rest is waiting for answers). */
  stationsDrawing: number;
  stationCount: number;
  /** Queries (POST /graphql) the page sent before its stations were drawn. */
  queries: number;
}

interface Timings {
  fcp?: number;
  domContentLoaded: number;
  load: number;
  firstLive?: number;
  firstLiveFeed?: string;
  arrondissementsDrawn?: number;
  stationsDrawn?: number;
  stationsDrawing?: number;
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const sizes: Promise<{ type: string; encoded: number; raw: number }>[] = [];
  let queries = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') queries += 1;
  });
  page.on('requestfinished', (request: Request) => {
    const type = request.resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    sizes.push(
      (async () => {
        const [transferred, response] = await Promise.all([request.sizes(), request.response()]);
        const body = await response?.body();
        return { type, encoded: transferred.responseBodySize, raw: body?.length ?? 0 };
      })(),
    );
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('ocg:first-live-update').length > 0 &&
      performance.getEntriesByName('ocg:stations-drawn').length > 0,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const queriesBeforeStations = queries;
  const timings: Timings = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
    // The browser's navigation entry (node's types do not know the 'navigation' type).
    const entriesOfType = performance.getEntriesByType.bind(performance) as (type: string) => unknown[];
    const navigation = entriesOfType('navigation')[0] as {
      domContentLoadedEventEnd: number;
      loadEventEnd: number;
    };
    const live = performance.getEntriesByName('ocg:first-live-update')[0] as { detail?: unknown } | undefined;
    return {
      fcp: at('first-contentful-paint'),
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      firstLive: at('ocg:first-live-update'),
      firstLiveFeed: typeof live?.detail === 'string' ? live.detail : undefined,
      arrondissementsDrawn: at('ocg:arrondissements-drawn'),
      stationsDrawn: at('ocg:stations-drawn'),
      stationsDrawing: (performance.getEntriesByName('ocg:stations-drawn')[0] as { detail?: unknown })
        ?.detail as number | undefined,
    };
  });
  const classes = await page.$$eval('path.arrondissement', (paths) =>
    paths.map((element) => element.getAttribute('class') ?? ''),
  );
  const arrondissementCount = new Set(classes.map((name) => /arrondissement-(\d+)/.exec(name)?.[1])).size;
  const stationCount = await page.locator('path.station').count();
  const assets = await Promise.all(sizes);
  await context.close();
  if (errors.length > 0) throw new Error(`the dashboard failed: ${errors.join('; ')}`);
  const sum = (type: string, key: 'encoded' | 'raw') =>
    assets.filter((asset) => asset.type === type).reduce((total, asset) => total + asset[key], 0);
  return {
    jsGzipBytes: sum('script', 'encoded'),
    jsRawBytes: sum('script', 'raw'),
    cssGzipBytes: sum('stylesheet', 'encoded'),
    fcp: timings.fcp ?? NaN,
    domContentLoaded: timings.domContentLoaded,
    load: timings.load,
    firstLive: timings.firstLive ?? NaN,
    firstLiveFeed: timings.firstLiveFeed ?? '?',
    arrondissementsDrawn: timings.arrondissementsDrawn ?? NaN,
    arrondissementCount,
    stationsDrawn: timings.stationsDrawn ?? NaN,
    stationsDrawing: timings.stationsDrawing ?? NaN,
    stationCount,
    queries: queriesBeforeStations,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const STATION_FIELDS =
  'pageInfo { hasNextPage endCursor } edges { node { id name fillingLevel location { latitude longitude } } }';

interface StationPage {
  data?: {
    wasteStations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] };
  };
}

async function stationPage(gatewayUrl: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as StationPage;
  if (!body.data) throw new Error(`station page failed: ${JSON.stringify(body)}`);
  return body.data.wasteStations;
}

/** Pages through one list of stations; resolves with how many it read. */
async function allPages(gatewayUrl: string, query: string, variables: Record<string, unknown>) {
  let after: string | null = null;
  let stations = 0;
  do {
    const page = await stationPage(gatewayUrl, query, { ...variables, after });
    stations += page.edges.length;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return stations;
}

/**
 * The dashboard's first load of waste stations, two ways, from Node against the same platform:
 * the city in pages of 100 one after the other (before), and one paged query per arrondissement
 * with at most 6 in flight, a browser's connections per host (now). Milliseconds and stations read.
 */
const STATION_STRATEGIES: Record<string, (gatewayUrl: string) => Promise<number>> = {
  'city, pages of 100 in sequence': (gatewayUrl) =>
    allPages(
      gatewayUrl,
      `query ($after: String) { wasteStations(first: 100, after: $after) { ${STATION_FIELDS} } }`,
      {},
    ),
  'per arrondissement, 6 in flight': async (gatewayUrl) => {
    const query = `query ($arrondissement: Int!, $after: String) {
      wasteStations(first: 100, after: $after, filter: { arrondissement: $arrondissement }) { ${STATION_FIELDS} } }`;
    const codes = Array.from({ length: 20 }, (_, index) => index + 1);
    let stations = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let code = codes.shift(); code !== undefined; code = codes.shift()) {
          const read = await allPages(gatewayUrl, query, { arrondissement: code });
          stations += read;
        }
      }),
    );
    return stations;
  },
};

async function compareStationLoads(gatewayUrl: string, rounds: number): Promise<string[]> {
  const times = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (let round = 0; round < rounds; round += 1) {
    // Alternating order, so neither always runs on the warmer platform.
    const names = Object.keys(STATION_STRATEGIES);
    for (const name of round % 2 ? names.reverse() : names) {
      const started = performance.now();
      counts.set(name, await STATION_STRATEGIES[name](gatewayUrl));
      times.set(name, [...(times.get(name) ?? []), performance.now() - started]);
    }
  }
  const [before, now] = Object.keys(STATION_STRATEGIES).map((name) => median(times.get(name) ?? []));
  return [
    ...Object.keys(STATION_STRATEGIES).map(
      (name) => `    ${name}: ${ms(median(times.get(name) ?? []))} for ${counts.get(name)} stations`,
    ),
    `    ratio: ${(before / now).toFixed(1)}× faster per arrondissement`,
  ];
}

async function main(): Promise<void> {
  if (!(RUNS >= 1)) throw new Error('BENCH_DASHBOARD_RUNS must be a positive number');
  const platform = await launchBenchPlatform({ SIMULATOR: 'on' });
  let browser: Browser | undefined;
  try {
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    const url = `${platform.gatewayUrl.replace(/\/graphql$/, '')}/dashboard`;
    // One load first, not counted: the gateway's query plans and the subgraphs' pools are warm after.
    await measure(browser, url);
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await measure(browser, url));
    const of = (key: keyof Run) => median(runs.map((entry) => entry[key] as number));
    const [first] = runs;
    const feeds = [...new Set(runs.map((entry) => entry.firstLiveFeed))].join(', ');
    console.log(
      `\nDashboard — ${RUNS} loads in headless chromium (cold cache each), medians; services in their own processes, simulator on, machine shared`,
    );
    console.log(
      `  JavaScript:          ${kb(first.jsGzipBytes)} gzipped as sent (target < 500 KB), ${kb(first.jsRawBytes)} raw; CSS ${kb(first.cssGzipBytes)} gzipped`,
    );
    console.log(
      `  first contentful paint: ${ms(of('fcp'))}; DOMContentLoaded ${ms(of('domContentLoaded'))}; load ${ms(of('load'))}`,
    );
    console.log(
      `  first live update:   ${ms(of('firstLive'))} after navigation, ${ms(median(runs.map((entry) => entry.firstLive - entry.load)))} after load (target < 1000 ms; first feed: ${feeds})`,
    );
    console.log(
      `  arrondissements:     ${first.arrondissementCount} drawn at ${ms(of('arrondissementsDrawn'))} after navigation`,
    );
    console.log(
      `  waste stations:      ${first.stationCount} drawn at ${ms(of('stationsDrawn'))} after navigation (${ms(median(runs.map((entry) => entry.stationsDrawn - entry.arrondissementsDrawn)))} after the arrondissements, ${ms(of('stationsDrawing'))} of it drawing); ${of('queries')} queries sent by then`,
    );
    console.log(
      `  stations' first load from Node, same platform, median of ${RUNS} rounds (the same stations and fields):`,
    );
    for (const line of await compareStationLoads(platform.gatewayUrl, RUNS)) console.log(line);
  } finally {
    await browser?.close();
    const code = await platform.stop();
    console.log(`  platform stopped (launcher exit code ${code})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
