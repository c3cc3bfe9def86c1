import { existsSync } from 'node:fs';
import path from 'node:path';
import { arrondissementsOfPostalCode, Provenance } from '#platform/city';
import { WasteStationCategory, WasteStationStatus } from '#waste/modules/station/station.entity';
import { WasteStream } from '#waste/waste-stream';
import { station, type WasteDataset } from './dataset';
import { readOpendatasoftJson } from './open-data';

export const TRI_MOBILE_FILE = 'tri_mobile_2017.json';
export const TRI_MOBILE_DATASET = 'tri-mobile';

/** What the Tri Mobile truck takes: small appliances, textiles, batteries, bulbs, paint and solvents. */
const TRI_MOBILE_STREAMS = [WasteStream.TEXTILE, WasteStream.ELECTRONICS, WasteStream.HAZARDOUS];

export const triMobileId = (recordId: string): string => `TRI-MOBILE-${recordId.slice(0, 12)}`;

/** The Tri Mobile stops (2017): a truck, so stations without containers. Null when the file is absent. */
export async function readTriMobile(directory: string): Promise<WasteDataset | null> {
  if (!existsSync(path.join(directory, TRI_MOBILE_FILE))) return null;
  const { records, checksum } = await readOpendatasoftJson(directory, TRI_MOBILE_FILE);
  const ids = new Set<string>();
  const stations = records.map(({ reader, recordId }) => {
    const id = triMobileId(recordId);
    if (ids.has(id)) reader.fail('recordid', `record id ${recordId} repeats an earlier record`);
    ids.add(id);
    const postalCode = reader.text('code_postal');
    const codes = arrondissementsOfPostalCode(postalCode);
    if (codes.length !== 1)
      reader.fail('code_postal', `"${postalCode}" is not the postal code of one Paris arrondissement`);
    const place = reader.text('adresse');
    return station({
      id,
      name: `Tri Mobile ${place}`,
      category: WasteStationCategory.TRI_MOBILE,
      status: WasteStationStatus.ACTIVE,
      address: place,
      addressDetail: reader.optionalText('complement_d_adresse'),
      postalCode,
      arrondissementCode: codes[0],
      ...reader.point('xy'),
      acceptedStreams: TRI_MOBILE_STREAMS,
      openingHours: reader.optionalText('horaires'),
      schedule: reader.optionalText('jours_de_tenue'),
      dateServiceStarted: null,
      dataset: TRI_MOBILE_DATASET,
      provenance: Provenance.OPEN_DATA,
    });
  });
  return {
    datasetId: TRI_MOBILE_DATASET,
    provenance: Provenance.OPEN_DATA,
    source: TRI_MOBILE_FILE,
    stations,
    containers: [],
    observations: [],
    collections: [],
    checksum,
    skipped: [],
  };
}
