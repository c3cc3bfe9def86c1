import type { Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFillLevel } from '#test/live-clients';
import { ALERT_RED, startDashboardRig, stationFill, waitForFill, watchedPage } from './dashboard-page';

/**
 * The dashboard's start, in a real browser: no event is lost between the state it loads and its
 * subscriptions, nor while a feed that has received nothing yet is cut, and the map starts
 * without arrondissement polygons (the generated data has none).
 */
const rig = startDashboardRig();
let dashboard: string;

beforeAll(() => {
  dashboard = rig.platform.gateway.url.replace(/\/graphql$/, '/dashboard');
});

/** The dashboard's GraphQL request a route sees: its operation's name and variables. */
function operationOf(route: Route): { name: string | undefined; variables: Record<string, unknown> } {
  const body = (route.request().postDataJSON() ?? {}) as {
    query?: string;
    variables?: Record<string, unknown>;
  };
  return { name: /^\s*query\s+(\w+)/.exec(body.query ?? '')?.[1], variables: body.variables ?? {} };
}

describe('the dashboard misses no event', () => {
  it('shows an event reported while it was cut off, on a feed that had received nothing yet', async () => {
    const { id: station } = await rig.stations.belowAlert();
    const { page, errors } = await watchedPage(rig.context);
    await page.goto(dashboard);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await expect.poll(() => page.getAttribute('#status', 'data-status'), { timeout: 10_000 }).toBe('live');
    expect(await stationFill(page, station)).not.toBe(ALERT_RED);

    // No station event has reached this page: its feed has no eventId of its own to resume after.
    rig.network.cut();
    await reportFillLevel(rig.platform, station, 0.98);
    rig.network.restore();
    await waitForFill(page, station, ALERT_RED, 15_000);
    await expect.poll(() => page.getAttribute('#status', 'data-status'), { timeout: 10_000 }).toBe('live');
    expect(errors.filter((error) => !/WebSocket/.test(error))).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows an event committed between its stations query and its subscription', async () => {
    const { id: station, arrondissement } = await rig.stations.belowAlert();
    const { page, errors } = await watchedPage(rig.context);
    let held = false;
    await page.route('**/graphql', async (route) => {
      const { name, variables } = operationOf(route);
      if (held || name !== 'DashboardStations' || variables.arrondissement !== arrondissement)
        return route.continue();
      held = true;
      // The station's first page is answered, then a level is committed before the page has it
      // (so before it subscribes): the drawn state lacks it, a subscription from then on too.
      const response = await route.fetch();
      await reportFillLevel(rig.platform, station, 0.97);
      await route.fulfill({ response });
    });
    await page.goto(dashboard);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect(held).toBe(true);
    await waitForFill(page, station, ALERT_RED, 15_000);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('the dashboard without arrondissement polygons', () => {
  it('starts with no console error, stations in alert and live levels restyled', async () => {
    // In alert before the page loads: its dot is raised as it is drawn.
    const { id: alerting } = await rig.stations.belowAlert();
    await reportFillLevel(rig.platform, alerting, 0.95);
    const { id: live } = await rig.stations.belowAlert();
    const { page, errors } = await watchedPage(rig.context);
    await page.route('**/graphql', async (route) => {
      if (operationOf(route).name !== 'DashboardArrondissements') return route.continue();
      // As on the launched platform with generated data: arrondissements without geometry.
      const response = await route.fetch();
      const body = (await response.json()) as {
        data: { arrondissements: { geometry: unknown }[] };
      };
      for (const arrondissement of body.data.arrondissements) arrondissement.geometry = null;
      await route.fulfill({ status: response.status(), json: body });
    });
    await page.goto(dashboard);
    const ready = () => page.getAttribute('body', 'data-ready');
    await expect
      .poll(async () => errors.length > 0 || (await ready()) === 'true', { timeout: 120_000 })
      .toBe(true);
    expect(errors).toEqual([]);
    expect(await page.locator('path.arrondissement').count()).toBe(0);
    expect(await stationFill(page, alerting)).toBe(ALERT_RED);

    await reportFillLevel(rig.platform, live, 0.99);
    await waitForFill(page, live, ALERT_RED, 15_000);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
