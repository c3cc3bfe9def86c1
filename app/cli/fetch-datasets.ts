import path from 'node:path';
import { fetchOpenData } from '#datasets/fetch';
import { DEFAULT_OPEN_DATA_BASE_URL } from '#datasets/sources';

/**
 * `npm run datasets:fetch`: downloads the current Ville de Paris exports (ODbL) into
 * PARIS_OPEN_DATA_DIR, or .data/paris-open-data; then `PARIS_OPEN_DATA_DIR=… npm start` imports them.
 */
async function main(): Promise<void> {
  const projectRoot = path.join(__dirname, '..', '..', '..');
  const directory = process.env.PARIS_OPEN_DATA_DIR ?? path.join(projectRoot, '.data', 'paris-open-data');
  const baseUrl = process.env.OPENDATA_BASE_URL ?? DEFAULT_OPEN_DATA_BASE_URL;
  const results = await fetchOpenData(directory, baseUrl, (message) => console.log(message));
  for (const result of results) console.log(`  ${result.file}: ${result.bytes} bytes`);
  console.log(`\nSaved to ${directory}. Import with: PARIS_OPEN_DATA_DIR=${directory} npm start`);
  console.log('Data: Ville de Paris, Open Database License (ODbL).');
}

main().catch((error: unknown) => {
  console.error(`datasets:fetch failed: ${(error as Error).message}`);
  process.exit(1);
});
