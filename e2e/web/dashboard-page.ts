import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { OPERATOR_KEY } from '#test/live-clients';
import { launchBrowser } from './browser';

/** What the dashboard tests share: stations to report on, their dots, the page's errors, a network cut. */

export const ALERT_RED = '#d62f2f';

/** Sensor-equipped stations whose level (their fullest container) is below the alert, each handed out once. */
export class StationPicker {
  private readonly used = new Set<string>();

  constructor(private readonly platform: Pick<TestPlatform, 'query'>) {}

  async belowAlert(): Promise<{ id: string; arrondissement: number }> {
    for (let arrondissement = 1; arrondissement <= 20; arrondissement += 1) {
      const result = await this.platform.query<{
        wasteStations: { edges: { node: { id: string; fillingLevel: number | null } }[] };
      }>(
        `query ($arrondissement: Int) { wasteStations(first: 100, filter: { arrondissement: $arrondissement }) {
          edges { node { id fillingLevel } } } }`,
        { arrondissement },
      );
      const station = result.data?.wasteStations.edges.find(
        ({ node }) => node.fillingLevel !== null && node.fillingLevel < 0.9 && !this.used.has(node.id),
      );
      if (station) {
        this.used.add(station.node.id);
        return { id: station.node.id, arrondissement };
      }
    }
    throw new Error('no station below the alert');
  }
}

/** A station's dot: Leaflet gives each SVG path the class the dashboard names it by. */
export const dot = (stationId: string) => `path[class~="station-${stationId}"]`;

export async function stationFill(page: Page, stationId: string): Promise<string | null> {
  return page.getAttribute(dot(stationId), 'fill');
}

export async function waitForFill(
  page: Page,
  stationId: string,
  colour: string,
  timeout: number,
): Promise<void> {
  await expect.poll(() => stationFill(page, stationId), { timeout, interval: 50 }).toBe(colour);
}

/** A new page whose console errors and uncaught exceptions are collected in `errors`. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * The gateway's WebSockets, to cut as a network drop would: `cut()` closes them all and refuses
 * new ones until `restore()`, so a page cannot come back before the test says so.
 */
export class NetworkCut {
  private readonly sockets = new Set<Socket>();
  private down = false;

  constructor(server: Server) {
    server.on('upgrade', (_request, socket: Socket) => {
      if (this.down) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get open(): number {
    return this.sockets.size;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }
}

/** What a dashboard test file drives: the whole platform, a browser, a network cut and stations. */
export interface DashboardRig {
  platform: TestPlatform;
  context: BrowserContext;
  network: NetworkCut;
  stations: StationPicker;
}

/** One platform and one browser for a test file: started before its tests, stopped after them. */
export function startDashboardRig(): DashboardRig {
  const rig = {} as DashboardRig;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    process.env.OPERATOR_API_KEY = OPERATOR_KEY;
    rig.platform = await startTestPlatform();
    rig.network = new NetworkCut(rig.platform.gateway.httpServer);
    rig.stations = new StationPicker(rig.platform);
    browser = await launchBrowser();
    rig.context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await rig.platform?.stop();
  });
  return rig;
}
