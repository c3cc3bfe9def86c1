import { existsSync } from 'node:fs';
import path from 'node:path';
import { Provenance } from '#platform/city';
import { WasteStationCategory, WasteStationStatus } from '#waste/modules/station/station.entity';
import { STORED_WASTE_KINDS, WasteStream } from '#waste/waste-stream';
import { readBoundaries } from './boundaries';
import { container, station, type WasteDataset } from './dataset';
import { readOpendatasoftJson, type OpendatasoftRecord } from './open-data';

export const GLASS_COLUMNS_FILE = 'colonnes_verre_mobilierpropreteparis2011.json';
export const GLASS_COLUMNS_DATASET = 'glass-columns';

/** `lb_etat_e`, the column's state in the street-furniture register. */
const STATUSES: Record<string, WasteStationStatus> = {
  Actif: WasteStationStatus.ACTIVE,
  Disponible: WasteStationStatus.ACTIVE,
  Neutralisé: WasteStationStatus.OUT_OF_SERVICE,
  'Mis hors fonction': WasteStationStatus.OUT_OF_SERVICE,
  Déplacé: WasteStationStatus.MOVED,
  Supprimé: WasteStationStatus.REMOVED,
  'Non renseigné': WasteStationStatus.UNKNOWN,
};

/** The record id is the only unique key of the export (the `dpe` column code repeats). */
export const glassColumnId = (recordId: string): string => `GLASS-${recordId.slice(0, 12)}`;

function address({ reader }: OpendatasoftRecord): string | null {
  const location = reader.optionalText('emplacemnt');
  if (location) return location;
  const street = reader.optionalText('voie');
  const number = reader.optionalNumber('ad_nvo');
  if (!street) return null;
  return number ? `${number}${reader.optionalText('ad_clvo') ?? ''} ${street}` : street;
}

/**
 * The 1,050 glass columns of the 2011 street-furniture register (null when the file is absent).
 * Its `ardt` is 0 or 999 on 63 rows: those columns are placed from their coordinates with the
 * arrondissement boundaries beside the file, or left out (and reported) when there are none.
 */
export async function readGlassColumns(directory: string): Promise<WasteDataset | null> {
  if (!existsSync(path.join(directory, GLASS_COLUMNS_FILE))) return null;
  const { records, checksum } = await readOpendatasoftJson(directory, GLASS_COLUMNS_FILE);
  const boundaries = await readBoundaries(directory);
  const dataset: WasteDataset = {
    datasetId: GLASS_COLUMNS_DATASET,
    provenance: Provenance.OPEN_DATA,
    source: GLASS_COLUMNS_FILE,
    stations: [],
    containers: [],
    observations: [],
    collections: [],
    checksum,
    skipped: [],
  };
  const ids = new Set<string>();
  for (const record of records) {
    const { reader } = record;
    const id = glassColumnId(record.recordId);
    if (ids.has(id)) reader.fail('recordid', `record id ${record.recordId} repeats an earlier record`);
    ids.add(id);
    const point = reader.point('geom_x_y');
    const listed = reader.number('ardt');
    const arrondissement =
      Number.isInteger(listed) && listed >= 1 && listed <= 20
        ? listed
        : boundaries?.locate(point.latitude, point.longitude);
    if (!arrondissement) {
      dataset.skipped.push({
        file: GLASS_COLUMNS_FILE,
        row: reader.row,
        reason: `ardt is ${listed} and ${boundaries ? 'the point is outside every arrondissement' : 'no boundaries file to place it'}`,
      });
      continue;
    }
    const state = reader.optionalText('lb_etat_e');
    const code = reader.optionalText('dpe');
    dataset.stations.push(
      station({
        id,
        name: code ? `Colonne à verre ${code}` : 'Colonne à verre',
        category: WasteStationCategory.GLASS_COLUMN,
        status: (state && STATUSES[state]) || WasteStationStatus.UNKNOWN,
        address: address(record),
        addressDetail: reader.optionalText('lb_comp'),
        postalCode: `750${String(arrondissement).padStart(2, '0')}`,
        arrondissementCode: arrondissement,
        ...point,
        acceptedStreams: [WasteStream.GLASS],
        openingHours: null,
        schedule: null,
        dateServiceStarted: reader.optionalDate('datepose'),
        dataset: GLASS_COLUMNS_DATASET,
        provenance: Provenance.OPEN_DATA,
      }),
    );
    dataset.containers.push(
      container({
        id: `${id}-V`,
        stationId: id,
        stream: WasteStream.GLASS,
        storedWasteKind: STORED_WASTE_KINDS.GLASS,
        capacityLitres: null,
        model: null,
        manufacturer: null,
        serialNumber: null,
        fillingLevel: null,
        dateLastFillingLevel: null,
        dateLastEmptying: null,
        averageDailyFillingRate: null,
        provenance: Provenance.OPEN_DATA,
      }),
    );
  }
  return dataset;
}
