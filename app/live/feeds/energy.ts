import { clientId, round, type Feed, type FeedContext } from './feed';

interface SimulatedMeter {
  id: string;
  kind: string;
  /** The building's typical consumption over 15 minutes, in the meter's unit. */
  base: number;
}

interface BuildingsPage {
  buildings: { edges: { node: { id: string; meters: { id: string; kind: string }[] } }[] };
}

const BUILDINGS = `query ($arrondissement: Int!, $first: Int!) {
  buildings(first: $first, filter: { supervised: true, arrondissement: $arrondissement }) {
    edges { node { id meters { id kind } } } } }`;

const RECORD = `mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { __typename } }`;

/** Typical 15-minute consumption of a supervised public building (school, gymnasium, library…). */
const BASE_BY_KIND: Record<string, [number, number]> = {
  HEAT: [20, 120],
  ELECTRICITY: [5, 40],
  GAS: [15, 90],
  WATER: [0.05, 0.6],
};

/**
 * The heating supervision of public buildings: each tick every simulated meter sends what it
 * counted, in one batch, with a daily rhythm (more in the morning and evening, less at night).
 */
export class EnergyFeed implements Feed {
  readonly name = 'energy';
  private meters: SimulatedMeter[] = [];
  private sequence = 0;

  constructor(
    private readonly context: FeedContext,
    private readonly options: { buildingsPerArrondissement: number },
  ) {}

  async discover(): Promise<boolean> {
    const meters: SimulatedMeter[] = [];
    for (const arrondissement of this.context.arrondissements) {
      const page = await this.context.client.request<BuildingsPage>(BUILDINGS, {
        arrondissement,
        first: this.options.buildingsPerArrondissement,
      });
      for (const { node } of page.buildings.edges) {
        for (const meter of node.meters) {
          const [low, high] = BASE_BY_KIND[meter.kind] ?? [1, 10];
          meters.push({ id: meter.id, kind: meter.kind, base: this.context.random.between(low, high) });
        }
      }
    }
    this.meters = meters;
    return meters.length > 0;
  }

  async tick(now: Date): Promise<void> {
    const hour = now.getUTCHours() + 1; // Paris is UTC+1 (+2 in summer): close enough for a rhythm.
    const rhythm = 0.6 + 0.4 * Math.max(Math.sin(((hour - 6) / 24) * 2 * Math.PI), -0.5);
    const observedAt = now.toISOString();
    const readings = this.meters.map((meter) => {
      this.sequence += 1;
      const value = round(Math.max(0, meter.base * rhythm * this.context.random.normal(1, 0.08)), 3);
      return {
        readingId: clientId(this.context, 'reading', this.sequence),
        meterId: meter.id,
        observedAt,
        value,
        // Mean power over 15 minutes: four times the kWh counted; water meters have none.
        power: meter.kind === 'WATER' ? null : round(value * 4, 2),
      };
    });
    await this.context.client.request(RECORD, { input: { readings } });
    this.context.count('recordMeterReadings');
  }
}
