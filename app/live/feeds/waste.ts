import { clientId, round, type Feed, type FeedContext } from './feed';

/** A container the simulator fills: a station's sensor for one stream. */
interface SimulatedContainer {
  id: string;
  stationId: string;
  stream: string;
  capacityLitres: number;
  level: number;
  /** Share of the container filled per tick: glass and packaging fill faster than textile. */
  growth: number;
}

interface StationsPage {
  wasteStations: {
    edges: {
      node: {
        id: string;
        containers: {
          id: string;
          stream: string;
          serialNumber: string | null;
          capacityLitres: number | null;
          fillingLevel: number | null;
        }[];
      };
    }[];
  };
}

const STATIONS = `query ($arrondissement: Int!, $first: Int!) {
  wasteStations(first: $first, filter: { arrondissement: $arrondissement, category: TRILIB, status: ACTIVE }) {
    edges { node { id containers { id stream serialNumber capacityLitres fillingLevel } } } } }`;

const REPORT = `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }`;
const COLLECT = `mutation ($input: RecordCollectionInput!) { recordCollection(input: $input) { id } }`;

/** Relative filling speed of each stream (glass and the yellow stream fill fastest in Paris). */
const STREAM_SPEED: Record<string, number> = {
  GLASS: 1.2,
  PACKAGING_PAPER: 1.5,
  CARDBOARD: 1,
  TEXTILE: 0.4,
  FOOD_WASTE: 0.8,
};

/** Kilograms per litre of a full container of each stream, for a collection's weight. */
const DENSITY_KG_PER_LITRE: Record<string, number> = {
  GLASS: 0.3,
  PACKAGING_PAPER: 0.05,
  CARDBOARD: 0.08,
  TEXTILE: 0.15,
  FOOD_WASTE: 0.5,
};

/** A level a collection round is sent for, as operators schedule rounds before overflow. */
export const COLLECTION_THRESHOLD = 0.9;

/**
 * Trilib' sensors: each tick some containers report a level a little higher than the last, and a
 * container nearly full is collected (its level drops to zero through `recordCollection`).
 */
export class WasteFeed implements Feed {
  readonly name = 'waste';
  private containers: SimulatedContainer[] = [];
  private sequence = 0;

  constructor(
    private readonly context: FeedContext,
    private readonly options: { stationsPerArrondissement: number; reportsPerTick: number },
  ) {}

  async discover(): Promise<boolean> {
    const containers: SimulatedContainer[] = [];
    // A few stations in every arrondissement, so a dashboard anywhere in Paris sees levels move.
    for (const arrondissement of this.context.arrondissements) {
      const page = await this.context.client.request<StationsPage>(STATIONS, {
        arrondissement,
        first: this.options.stationsPerArrondissement,
      });
      for (const { node } of page.wasteStations.edges) {
        const withSensor = node.containers.filter((container) => container.serialNumber !== null);
        for (const container of withSensor.length > 0 ? withSensor : node.containers) {
          containers.push({
            id: container.id,
            stationId: node.id,
            stream: container.stream,
            capacityLitres: container.capacityLitres ?? 770,
            level: container.fillingLevel ?? round(this.context.random.between(0, 0.5), 2),
            growth: (STREAM_SPEED[container.stream] ?? 1) * this.context.random.between(0.01, 0.05),
          });
        }
      }
    }
    this.containers = containers;
    return containers.length > 0;
  }

  async tick(now: Date): Promise<void> {
    const { random } = this.context;
    for (let report = 0; report < this.options.reportsPerTick; report += 1) {
      const container = random.pick(this.containers);
      if (container.level >= COLLECTION_THRESHOLD) {
        await this.collect(container, now);
        continue;
      }
      // Levels never go down between collections; sensors are noisy by a percent or two.
      const level = round(
        Math.min(1, container.level + container.growth * random.between(0.5, 1.5) + random.normal(0, 0.005)),
        3,
      );
      const next = Math.max(container.level, level);
      this.sequence += 1;
      await this.context.client.request(REPORT, {
        input: {
          reportId: clientId(this.context, 'fill', this.sequence),
          stationId: container.stationId,
          stream: container.stream,
          containerId: container.id,
          fillingLevel: next,
          observedAt: now.toISOString(),
        },
      });
      container.level = next;
      this.context.count('reportFillLevel');
    }
  }

  private async collect(container: SimulatedContainer, now: Date): Promise<void> {
    this.sequence += 1;
    const weightKg = round(
      container.capacityLitres * container.level * (DENSITY_KG_PER_LITRE[container.stream] ?? 0.1),
      1,
    );
    await this.context.client.request(COLLECT, {
      input: {
        collectionId: clientId(this.context, 'collection', this.sequence),
        stationId: container.stationId,
        stream: container.stream,
        collectedAt: now.toISOString(),
        weightKg,
      },
    });
    container.level = 0;
    this.context.count('recordCollection');
  }
}
