// The live city dashboard: the reference client of the public API (queries over HTTP, live
// feeds over graphql-ws or SSE, nothing else and no other host).
import './style.css';
import {
  DashboardAlertCountChangedDocument,
  DashboardAlertCountsDocument,
  DashboardArrondissementsDocument,
  DashboardBudgetEditionsDocument,
  DashboardEnergyLoadDocument,
  DashboardClockDocument,
  DashboardOpenRequestsDocument,
  DashboardStationsDocument,
  DashboardStationUpdatesDocument,
  DashboardVoteTallyChangedDocument,
  DashboardVoteTallyDocument,
  type DashboardStationsQuery,
} from './__generated__/operations';
import { BarList, LoadChart } from './charts';
import { platformNow, query } from './graphql';
import {
  arrondissementLabel,
  formatNumber,
  initialLanguage,
  translate,
  type Language,
  type Word,
} from './i18n';
import { LiveConnection, type Status, type Transport } from './live';
import { CityMap, fillColour, type StationDot } from './map';

const ENERGY_INTERVAL_SECONDS = 10;
/** Intervals of history the load chart starts with, resumed from the platform at load. */
const ENERGY_HISTORY = 30;
const REQUESTS_INTERVAL_SECONDS = 30;

let language: Language = initialLanguage();
const ARRONDISSEMENTS = Array.from({ length: 20 }, (_, index) => index + 1);

function panel(id: string, title: Word, extra = ''): string {
  return `<section class="panel" id="${id}"><h2 data-word="${title}"></h2>${extra}<div class="body"></div></section>`;
}

function layout(root: HTMLElement): void {
  root.innerHTML = `
<header>
  <h1 data-word="title"></h1>
  <span class="status" id="status"></span>
  <button type="button" id="language" data-word="switchTo"></button>
</header>
<main>
  <section class="panel map-panel" id="map-panel"><h2 data-word="map"></h2>
    <div class="legend">
      <span><i style="background:${fillColour(0.1)}"></i><b data-word="legendEmpty"></b></span>
      <span><i style="background:${fillColour(0.8)}"></i><b data-word="legendFull"></b></span>
      <span><i class="alert" style="background:${fillColour(0.95)}"></i><b data-word="legendAlert"></b></span>
      <span><i style="background:${fillColour(null)}"></i><b data-word="legendUnknown"></b></span>
    </div>
    <div id="map"></div>
  </section>
  ${panel('energy', 'energy')}
  ${panel('energy-arrondissements', 'energyByArrondissement')}
  ${panel('alerts', 'alerts')}
  ${panel('votes', 'votes', '<p class="edition"></p>')}
  ${panel('requests', 'requests')}
</main>`;
}

function translatePage(): void {
  document.documentElement.lang = language;
  document.title = `${translate(language, 'title')} — Open City Graph`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-word]'))
    element.textContent = translate(language, element.dataset.word as Word);
}

function body(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`#${id} .body`);
  if (!element) throw new Error(`no panel ${id}`);
  return element;
}

/** The earliest of positions each read before its own part of the state: after it, none is missed. */
function earliest(positions: string[]): string {
  return positions.reduce((min, position) => (BigInt(position) < BigInt(min) ? position : min));
}

/**
 * The waste stations, all arrondissements at once (one paged query each, the browser running as
 * many as it allows per host), drawn in one go once all have come and the arrondissements are
 * drawn (so they lie above them): drawn page by page, the page re-rendered its growing SVG map
 * after each of the 20-odd answers. Returns the station feed's position to start from.
 */
async function loadStations(map: CityMap, areas: Promise<void>): Promise<string> {
  const stations: StationDot[] = [];
  const positions: string[] = [];
  await Promise.all(
    ARRONDISSEMENTS.map(async (arrondissement) => {
      let after: string | null = null;
      do {
        const page: DashboardStationsQuery = await query(DashboardStationsDocument, {
          arrondissement,
          after,
        });
        positions.push(page.wasteEventPosition);
        for (const edge of page.wasteStations.edges) stations.push(edge.node);
        after = page.wasteStations.pageInfo.hasNextPage ? page.wasteStations.pageInfo.endCursor : null;
      } while (after);
    }),
  );
  await areas;
  const started = performance.now();
  map.addStations(stations);
  // For `npm run bench:dashboard`: when, and how long the page itself spent drawing them.
  performance.mark('ocg:stations-drawn', { detail: performance.now() - started });
  return earliest(positions);
}

async function start(): Promise<void> {
  const root = document.getElementById('dashboard');
  if (!root) return;
  layout(root);
  translatePage();

  const status = document.getElementById('status') as HTMLElement;
  let shown: Status = 'connecting';
  let shownTransport: Transport = 'ws';
  const drawStatus = () => {
    status.textContent =
      shown === 'live' ? `● ${translate(language, 'live')} (${shownTransport})` : translate(language, shown);
    status.className = `status ${shown === 'live' ? 'up' : 'down'}`;
    status.dataset.status = shown;
  };
  const live = new LiveConnection((connection, transport) => {
    shown = connection;
    shownTransport = transport;
    drawStatus();
  });

  // Redrawn on language change from what was last received.
  const redraws: (() => void)[] = [];
  document.getElementById('language')?.addEventListener('click', () => {
    language = language === 'fr' ? 'en' : 'fr';
    localStorage.setItem('ocg-lang', language);
    translatePage();
    drawStatus();
    for (const redraw of redraws) redraw();
  });

  const map = new CityMap(document.getElementById('map') as HTMLElement);
  const sections: Promise<void>[] = [];
  const areas = query(DashboardArrondissementsDocument, {}).then(({ arrondissements }) => {
    map.drawArrondissements(arrondissements);
    performance.mark('ocg:arrondissements-drawn'); // for `npm run bench:dashboard`
  });

  // Energy: the city's load over time and each arrondissement's latest.
  const chart = new LoadChart(body('energy'), 'kW');
  const energyBars = new BarList(body('energy-arrondissements'));
  let latestLoad = new Map<number, number>();
  const drawEnergy = () =>
    energyBars.render(
      ARRONDISSEMENTS.map((code) => ({
        key: String(code),
        label: arrondissementLabel(language, code),
        value: latestLoad.get(code) ?? 0,
        text: formatNumber(language, latestLoad.get(code) ?? 0),
      })),
    );
  redraws.push(drawEnergy);
  // The history starts on the platform's clock, not the browser's: ahead of it, it would be refused.
  sections.push(
    query(DashboardClockDocument, {}).then(() => {
      const now = Math.floor(platformNow() / 1000 / ENERGY_INTERVAL_SECONDS) * ENERGY_INTERVAL_SECONDS;
      live.follow({
        document: DashboardEnergyLoadDocument,
        after: String(now - ENERGY_HISTORY * ENERGY_INTERVAL_SECONDS),
        variables: (after) => ({ intervalSeconds: ENERGY_INTERVAL_SECONDS, after: after ?? null }),
        eventId: (data) => data.energyLoad.eventId,
        show: ({ energyLoad }) => {
          chart.push(Number(energyLoad.eventId), energyLoad.powerKw);
          latestLoad = new Map(
            energyLoad.arrondissements.map((entry) => [entry.arrondissement.code, entry.powerKw]),
          );
          drawEnergy();
        },
      });
    }),
  );

  // Waste: stations on the map, live; alert counts per arrondissement.
  sections.push(
    loadStations(map, areas).then((position) =>
      live.follow({
        document: DashboardStationUpdatesDocument,
        after: position,
        variables: (after) => ({ after: after ?? null }),
        eventId: (data) => data.wasteStationUpdated.eventId,
        show: ({ wasteStationUpdated }) =>
          map.setLevel(wasteStationUpdated.station.id, wasteStationUpdated.station.fillingLevel),
      }),
    ),
  );
  const alerts = new Map<number, { containers: number; stations: number }>();
  const alertBars = new BarList(body('alerts'));
  const drawAlerts = () =>
    alertBars.render(
      ARRONDISSEMENTS.map((code) => ({
        key: String(code),
        label: arrondissementLabel(language, code),
        value: alerts.get(code)?.containers ?? 0,
        alert: (alerts.get(code)?.containers ?? 0) > 0,
      })),
    );
  redraws.push(drawAlerts);
  const setAlert = (code: number, containers: number, stations: number) => {
    alerts.set(code, { containers, stations });
    map.highlightAlerts(code, stations);
  };
  sections.push(
    areas.then(async () => {
      const { wasteEventPosition, wasteAlertCounts } = await query(DashboardAlertCountsDocument, {});
      for (const count of wasteAlertCounts)
        setAlert(count.arrondissement.code, count.alertingContainers, count.alertingStations);
      drawAlerts();
      live.follow({
        document: DashboardAlertCountChangedDocument,
        after: wasteEventPosition,
        variables: (after) => ({ after: after ?? null }),
        eventId: (data) => data.wasteAlertCountChanged.eventId,
        show: ({ wasteAlertCountChanged: count }) => {
          setAlert(count.arrondissement.code, count.alertingContainers, count.alertingStations);
          drawAlerts();
        },
      });
    }),
  );

  // Participatory budget: the most voted projects of the current edition, live.
  sections.push(followVotes(live, redraws));
  // Paris en Compagnie: open requests per arrondissement, small counts withheld by the platform.
  let requests = new Map<number, number | null>();
  const requestBars = new BarList(body('requests'));
  const drawRequests = () =>
    requestBars.render(
      ARRONDISSEMENTS.map((code) => {
        const open = requests.get(code) ?? null;
        return {
          key: String(code),
          label: arrondissementLabel(language, code),
          value: open,
          text: open === null ? translate(language, 'suppressed') : formatNumber(language, open),
        };
      }),
    );
  redraws.push(drawRequests);
  // Each event holds every arrondissement's counts, the first one (the current counts) at once: the
  // feed's state comes with its position, and a feed cut before it simply gets the current counts.
  live.follow({
    document: DashboardOpenRequestsDocument,
    variables: (after) => ({ intervalSeconds: REQUESTS_INTERVAL_SECONDS, after: after ?? null }),
    eventId: (data) => data.openAccompanimentRequestCounts.eventId,
    show: ({ openAccompanimentRequestCounts }) => {
      requests = new Map(
        openAccompanimentRequestCounts.arrondissements.map((entry) => [
          entry.arrondissement.code,
          entry.openRequests,
        ]),
      );
      drawRequests();
    },
  });
  await Promise.all(sections);
  document.body.dataset.ready = 'true';
}

async function followVotes(live: LiveConnection, redraws: (() => void)[]): Promise<void> {
  const { budgetEditions } = await query(DashboardBudgetEditionsDocument, {});
  const edition = Math.max(...budgetEditions.map((entry) => entry.year));
  (document.querySelector('#votes .edition') as HTMLElement).textContent = String(edition);
  const tally = new Map<string, { title: string; votes: number }>();
  const { budgetEventPosition, budgetEdition } = await query(DashboardVoteTallyDocument, { year: edition });
  for (const entry of budgetEdition?.voteTally ?? [])
    tally.set(entry.projectId, { title: entry.project.title ?? entry.projectId, votes: entry.votes });
  const voteBars = new BarList(body('votes'));
  const drawVotes = () =>
    voteBars.render(
      [...tally.entries()]
        .sort((a, b) => b[1].votes - a[1].votes)
        .slice(0, 8)
        .map(([id, project]) => ({
          key: id,
          label: project.title,
          value: project.votes,
          text: formatNumber(language, project.votes),
        })),
    );
  redraws.push(drawVotes);
  drawVotes();
  live.follow({
    document: DashboardVoteTallyChangedDocument,
    after: budgetEventPosition,
    variables: (after) => ({ edition, after: after ?? null }),
    eventId: (data) => data.voteTallyChanged.eventId,
    show: ({ voteTallyChanged: event }) => {
      // A count replayed from before the tally was read is older than it: counts only grow.
      const shown = tally.get(event.project.id)?.votes ?? 0;
      tally.set(event.project.id, {
        title: event.project.title ?? event.project.id,
        votes: Math.max(shown, event.votes),
      });
      drawVotes();
    },
  });
}

start().catch((error: unknown) => {
  console.error('dashboard failed to start', error);
  const status = document.getElementById('status');
  if (status) status.textContent = String(error instanceof Error ? error.message : error);
});
