import { existsSync } from 'node:fs';
import path from 'node:path';
import { arrondissementsOfPostalCode, Provenance } from '#platform/city';
import { ImportError } from '#platform/ingestion';
import { WasteStationCategory, WasteStationStatus } from '#waste/modules/station/station.entity';
import { WasteStream } from '#waste/waste-stream';
import { container, observation, station, type WasteDataset } from './dataset';
import { readOpendatasoftCsv, readOpendatasoftJson, type RecordReader } from './open-data';

/** The 2018–19 Trilib' pilot with fill-level sensors: two snapshots of the same containers. */
export const TRILIB_JSON_FILE = 'trilib_sensors_2019-03.json';
export const TRILIB_CSV_FILE = 'trilib_sensors_2018-12-22.csv';
export const TRILIB_DATASET = 'trilib-pilot';

/**
 * The pilot's `wastetype_designation`: "Can / Plastic" are the PM (plastique-métal) containers of
 * the yellow stream, "CB" the P (papier) containers of paper and cardboard, "Glass" the V (verre).
 */
const DESIGNATIONS: Record<string, { stream: WasteStream; storedWasteKind: string[] }> = {
  Glass: { stream: WasteStream.GLASS, storedWasteKind: ['glass'] },
  'Can / Plastic': { stream: WasteStream.PACKAGING_PAPER, storedWasteKind: ['plastic', 'metal'] },
  CB: { stream: WasteStream.CARDBOARD, storedWasteKind: ['paper'] },
};

interface SensorReading {
  reader: RecordReader;
  serialNumber: string;
  stationKey: string;
  street: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  stream: WasteStream;
  storedWasteKind: string[];
  fillingLevel: number;
  observedAt: Date;
  receivedAt: Date;
  capacityLitres: number;
  model: string | null;
  manufacturer: string | null;
  averageDailyFillingRate: number | null;
}

function readingOf(reader: RecordReader, receivedAt: Date | null): SensorReading {
  const designation = reader.text('wastetype_designation');
  const kind =
    DESIGNATIONS[designation] ?? reader.fail('wastetype_designation', `unknown waste type "${designation}"`);
  const rate = reader.number('fillingRate');
  if (rate < 0) reader.fail('fillingRate', `expected a percentage, found ${rate}`);
  const capacity = reader.number('wastecontainermodelfo_usefulcapacity');
  if (!Number.isInteger(capacity) || capacity <= 0)
    reader.fail('wastecontainermodelfo_usefulcapacity', 'expected a capacity in litres');
  const averageRate = reader.optionalNumber('avgFillingRatePerDay');
  const observedAt = reader.date('fillingRateDate');
  return {
    reader,
    serialNumber: reader.text('serialNumber'),
    stationKey: reader.text('localisationfo_name'),
    street: reader.text('localisationfo_street'),
    postalCode: reader.text('localisationfo_postalcode'),
    ...reader.point('geo'),
    ...kind,
    // Sensors report overflow above 100 %; a container cannot be fuller than full.
    fillingLevel: Math.min(rate / 100, 1),
    observedAt,
    receivedAt: receivedAt ?? observedAt,
    capacityLitres: capacity,
    model: reader.optionalText('wastecontainermodelfo_model'),
    manufacturer: reader.optionalText('wastecontainermodelfo_manufacturer'),
    averageDailyFillingRate: averageRate === null ? null : Math.max(averageRate, 0) / 100,
  };
}

const pilotStationId = (stationKey: string): string => `TRILIB-PILOT-${stationKey}`;

/**
 * Reads whichever pilot snapshots the folder holds (null when neither): stations from the
 * sensors' addresses, one container per serial number in its latest state, and every reading
 * as history (a sensor that did not report between the snapshots repeats its reading: kept once).
 */
export async function readTrilibPilot(directory: string): Promise<WasteDataset | null> {
  const readings: SensorReading[] = [];
  const sources: string[] = [];
  const checksums: string[] = [];
  if (existsSync(path.join(directory, TRILIB_CSV_FILE))) {
    const csv = await readOpendatasoftCsv(directory, TRILIB_CSV_FILE);
    readings.push(...csv.records.map((reader) => readingOf(reader, null)));
    sources.push(TRILIB_CSV_FILE);
    checksums.push(csv.checksum);
  }
  if (existsSync(path.join(directory, TRILIB_JSON_FILE))) {
    const json = await readOpendatasoftJson(directory, TRILIB_JSON_FILE);
    readings.push(...json.records.map((record) => readingOf(record.reader, record.recordTimestamp)));
    sources.push(TRILIB_JSON_FILE);
    checksums.push(json.checksum);
  }
  if (sources.length === 0) return null;

  const latestFirst = [...readings].sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime());
  const latestBySerial = new Map<string, SensorReading>();
  const latestByStation = new Map<string, SensorReading>();
  for (const reading of latestFirst) {
    const known = latestBySerial.get(reading.serialNumber);
    if (known && known.stationKey !== reading.stationKey) {
      reading.reader.fail(
        'localisationfo_name',
        `sensor ${reading.serialNumber} is also at station ${known.stationKey}`,
      );
    }
    if (!known) latestBySerial.set(reading.serialNumber, reading);
    if (!latestByStation.has(reading.stationKey)) latestByStation.set(reading.stationKey, reading);
  }

  const stations = [...latestByStation.values()].map((latest) => {
    const codes = arrondissementsOfPostalCode(latest.postalCode);
    if (codes.length !== 1)
      latest.reader.fail(
        'localisationfo_postalcode',
        `"${latest.postalCode}" is not the postal code of one Paris arrondissement`,
      );
    const streams = new Set(
      [...latestBySerial.values()].filter((r) => r.stationKey === latest.stationKey).map((r) => r.stream),
    );
    return station({
      id: pilotStationId(latest.stationKey),
      name: `Trilib' ${latest.street}`,
      category: WasteStationCategory.TRILIB,
      status: WasteStationStatus.ACTIVE,
      address: latest.street,
      addressDetail: null,
      postalCode: latest.postalCode,
      arrondissementCode: codes[0],
      latitude: latest.latitude,
      longitude: latest.longitude,
      acceptedStreams: Object.values(WasteStream).filter((stream) => streams.has(stream)),
      openingHours: null,
      schedule: null,
      dateServiceStarted: null,
      dataset: TRILIB_DATASET,
      provenance: Provenance.OPEN_DATA,
    });
  });

  const containers = [...latestBySerial.values()].map((latest) =>
    container({
      id: latest.serialNumber,
      stationId: pilotStationId(latest.stationKey),
      stream: latest.stream,
      storedWasteKind: latest.storedWasteKind,
      capacityLitres: latest.capacityLitres,
      model: latest.model,
      manufacturer: latest.manufacturer,
      serialNumber: latest.serialNumber,
      fillingLevel: latest.fillingLevel,
      dateLastFillingLevel: latest.observedAt,
      dateLastEmptying: null,
      averageDailyFillingRate: latest.averageDailyFillingRate,
      provenance: Provenance.OPEN_DATA,
    }),
  );

  const seen = new Set<string>();
  const observations = readings
    .filter((reading) => {
      const key = `${reading.serialNumber}@${reading.observedAt.toISOString()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((reading) =>
      observation({
        reportId: null,
        containerId: reading.serialNumber,
        fillingLevel: reading.fillingLevel,
        observedAt: reading.observedAt,
        receivedAt: reading.receivedAt,
        provenance: Provenance.OPEN_DATA,
      }),
    );

  if (stations.length === 0) throw new ImportError(sources.join(', '), 0, '(file)', 'no sensor readings');
  return {
    datasetId: TRILIB_DATASET,
    provenance: Provenance.OPEN_DATA,
    source: sources.join(', '),
    stations,
    containers,
    observations,
    collections: [],
    checksum: checksums.join(','),
    skipped: [],
  };
}
