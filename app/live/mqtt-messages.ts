/**
 * The MQTT topics sensors publish on, and how each message becomes a GraphQL ingestion mutation.
 *
 * | topic | payload (JSON) | mutation |
 * | --- | --- | --- |
 * | `ocg/waste/<stationId>/<stream>/fill-level` | `{ "reportId", "fillingLevel" (0–1), "observedAt" (ISO 8601), "containerId"? }` | `reportFillLevel` |
 * | `ocg/energy/<meterId>/reading` | `{ "readingId", "value" (≥ 0), "observedAt" (ISO 8601), "power"? (kW) }` | `recordMeterReadings` |
 *
 * `<stream>` is a `WasteStream` in either spelling: `GLASS` or `glass`, `PACKAGING_PAPER` or
 * `packaging-paper`. The client ids (`reportId`, `readingId`) make a message published twice, or
 * retried by the bridge, store one row only.
 */
export const MQTT_TOPICS = ['ocg/waste/+/+/fill-level', 'ocg/energy/+/reading'] as const;

/** The streams a sensor can report on (those of `WasteStream`). */
const STREAMS = new Set([
  'GLASS',
  'PACKAGING_PAPER',
  'CARDBOARD',
  'TEXTILE',
  'FOOD_WASTE',
  'ELECTRONICS',
  'HAZARDOUS',
]);

const MAX_ID_LENGTH = 128;

/** A message the bridge cannot ingest whatever it retries: logged and dropped. */
export class MalformedMessageError extends Error {}

export interface Ingestion {
  /** What it is, for logs: `reportFillLevel` or `recordMeterReadings`. */
  mutation: string;
  query: string;
  variables: Record<string, unknown>;
}

const REPORT = `mutation ($input: ReportFillLevelInput!) { reportFillLevel(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordMeterReadingsInput!) { recordMeterReadings(input: $input) { __typename } }`;

/** Turns one MQTT message into the mutation that ingests it, or throws MalformedMessageError. */
export function ingestionOf(topic: string, payload: Buffer): Ingestion {
  const levels = topic.split('/');
  const body = parseObject(payload);
  if (levels.length === 5 && levels[0] === 'ocg' && levels[1] === 'waste' && levels[4] === 'fill-level') {
    const stream = levels[3].toUpperCase().replace(/-/g, '_');
    if (!STREAMS.has(stream)) throw new MalformedMessageError(`unknown waste stream "${levels[3]}"`);
    const fillingLevel = body.fillingLevel;
    if (typeof fillingLevel !== 'number' || !(fillingLevel >= 0 && fillingLevel <= 1))
      throw new MalformedMessageError('fillingLevel must be a number from 0 to 1');
    const input: Record<string, unknown> = {
      reportId: identifier(body, 'reportId'),
      stationId: segment(levels[2], 'stationId'),
      stream,
      fillingLevel,
      observedAt: timestamp(body, 'observedAt'),
    };
    if (body.containerId !== undefined) input.containerId = identifier(body, 'containerId');
    return { mutation: 'reportFillLevel', query: REPORT, variables: { input } };
  }
  if (levels.length === 4 && levels[0] === 'ocg' && levels[1] === 'energy' && levels[3] === 'reading') {
    const value = body.value;
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))
      throw new MalformedMessageError('value must be a number ≥ 0');
    const power = body.power;
    if (power !== undefined && power !== null && (typeof power !== 'number' || !Number.isFinite(power)))
      throw new MalformedMessageError('power must be a number when given');
    const reading = {
      readingId: identifier(body, 'readingId'),
      meterId: segment(levels[2], 'meterId'),
      observedAt: timestamp(body, 'observedAt'),
      value,
      power: power ?? null,
    };
    return { mutation: 'recordMeterReadings', query: RECORD, variables: { input: { readings: [reading] } } };
  }
  throw new MalformedMessageError(`no ingestion for topic "${topic}"`);
}

function parseObject(payload: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new MalformedMessageError('the payload is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MalformedMessageError('the payload must be a JSON object');
  return parsed as Record<string, unknown>;
}

function identifier(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_ID_LENGTH)
    throw new MalformedMessageError(
      `${field} must be a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    );
  return value;
}

function segment(value: string, name: string): string {
  if (value === '' || value.length > MAX_ID_LENGTH)
    throw new MalformedMessageError(`the topic's ${name} is empty or too long`);
  return value;
}

function timestamp(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new MalformedMessageError(`${field} must be an ISO 8601 date-time`);
  return new Date(value).toISOString();
}
