import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersistedOperations, type PersistedOperationManifest } from '#gateway/persisted-operations';
import { startGateway } from '#gateway/server';
import { OPERATOR_KEY, reportFillLevel } from '#test/live-clients';
import { SCREENSHOTS } from './browser';
import { ALERT_RED, startDashboardRig, stationFill, waitForFill } from './dashboard-page';

/** The dashboard, GraphiQL and a foreign page, in a real browser against the whole platform. */
const rig = startDashboardRig();
let base: string;

beforeAll(() => {
  base = rig.platform.gateway.url.replace(/\/graphql$/, '');
});

describe('the live dashboard', () => {
  let page: Page;
  const errors: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    page = await rig.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.host !== new URL(base).host) foreign.push(request.url());
    });
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  });

  it('loads with no console error and no request to any other host', async () => {
    await page.waitForSelector('#energy .u-over', { timeout: 15_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png') });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.getAttribute('#status', 'data-status')).toBe('live');
  });

  it('draws the 20 arrondissements and the stations', async () => {
    const classes = await page.$$eval('path.arrondissement', (paths) =>
      paths.map((element) => element.getAttribute('class') ?? ''),
    );
    const drawn = new Set(classes.map((name) => /arrondissement-(\d+)/.exec(name)?.[1])).size;
    expect(drawn).toBe(20);
    expect(await page.locator('path.station').count()).toBeGreaterThan(50);
  });

  it('colours a station within 2 s of its fill level being reported through the API', async () => {
    const { id: station } = await rig.stations.belowAlert();
    await reportFillLevel(rig.platform, station, 0.96);
    await waitForFill(page, station, ALERT_RED, 2000);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-alert.png') });
  });

  it('resumes after the WebSocket is cut and shows the events it missed', async () => {
    const { id: station } = await rig.stations.belowAlert();
    expect(await stationFill(page, station)).not.toBe(ALERT_RED);
    expect(rig.network.open).toBeGreaterThan(0);
    rig.network.cut();
    // Reported while the page is away: only a resume with `after` can bring it.
    await reportFillLevel(rig.platform, station, 0.99);
    rig.network.restore();
    await waitForFill(page, station, ALERT_RED, 15_000);
    // Every feed is subscribed again, most of them quiet (no vote, no request): the status follows
    // the connection, not the arrival of events.
    await expect.poll(() => page.getAttribute('#status', 'class'), { timeout: 10_000 }).toBe('status up');
    expect(await page.textContent('#status')).toMatch(/en direct \(ws\)/);
  });

  it('switches to English and fits a phone', async () => {
    await page.click('#language');
    expect(await page.textContent('header h1')).toBe('Paris live');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    await page.click('#language');
    expect(await page.textContent('header h1')).toBe('Paris en direct');
  });
});

describe('the dashboard where only persisted operations run', () => {
  it('loads and goes live with PERSISTED_OPERATIONS=require', async () => {
    const manifest = JSON.parse(
      readFileSync(
        path.join(__dirname, '..', '..', 'schema', '__generated__', 'persisted-operations.json'),
        'utf8',
      ),
    ) as PersistedOperationManifest;
    const required = await startGateway({
      port: 0,
      supergraphSdl: rig.platform.supergraphSdl,
      gatewaySecret: rig.platform.gatewaySecret,
      databaseUrl: rig.platform.databaseUrl,
      rateLimit: false,
      persistedOperations: new PersistedOperations('require', manifest),
    });
    const page = await rig.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${required.url.replace(/\/graphql$/, '')}/dashboard`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
      await expect.poll(() => page.getAttribute('#status', 'data-status'), { timeout: 10_000 }).toBe('live');
      expect(await page.locator('path.station').count()).toBeGreaterThan(50);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await required.stop();
    }
  }, 180_000);
});

describe('GraphiQL, offline', () => {
  it('runs a query and a subscription from the preloaded examples', async () => {
    const page = await rig.context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).host !== new URL(base).host) foreign.push(request.url());
    });
    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.locator('.graphiql-tab').first().click();
    await page.click('.graphiql-execute-button');
    await expect
      .poll(() => page.textContent('.result-window'), { timeout: 15_000 })
      .toContain('arrondissements');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphiql-query.png') });

    await page.locator('.graphiql-tab', { hasText: 'StationUpdates' }).click();
    // Executed before the tab's document is in place, GraphiQL sends it with the previous tab's
    // operation name, over HTTP (seen once: answered 500, see the gateway).
    await expect
      .poll(() => page.textContent('.graphiql-query-editor'), { timeout: 5000 })
      .toContain('subscription StationUpdates');
    await page.waitForTimeout(500);
    await page.click('.graphiql-execute-button');
    // Every test file shares one database, so other files' events reach this unfiltered
    // subscription too, and GraphiQL shows only the latest: report again until ours is the one shown.
    await expect
      .poll(
        async () => {
          await reportFillLevel(rig.platform, 'TRILIB-14-0004', 0.33);
          await page.waitForTimeout(500);
          return page.textContent('.result-window');
        },
        { timeout: 20_000, interval: 0 },
      )
      .toContain('TRILIB-14-0004');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphiql-subscription.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });
});

describe('a web app on another origin', () => {
  let app: Server;
  let appUrl: string;
  beforeAll(async () => {
    app = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><script>
        fetch(${JSON.stringify(rig.platform.gateway.url)}, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': '${OPERATOR_KEY}' },
          body: JSON.stringify({ query: '{ arrondissement(code: 17) { name } }' }),
        }).then(async (response) => {
          const body = await response.json();
          document.title = body.data.arrondissement.name + ' / ' + response.headers.get('RateLimit-Limit');
        }, (error) => { document.title = 'failed: ' + error; });
      </script>`);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    app.closeAllConnections();
    await new Promise<void>((resolve) => app.close(() => resolve()));
  });

  it('calls the API through CORS, with a key in a header', async () => {
    const page = await rig.context.newPage();
    await page.goto(appUrl);
    await expect.poll(() => page.title(), { timeout: 15_000 }).toMatch(/17/);
    expect(await page.title()).not.toContain('failed');
    await page.close();
  });
});
