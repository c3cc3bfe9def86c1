import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { downloadUrl, OPEN_DATA_SOURCES, type OpenDataSource } from './sources';

export interface FetchResult {
  file: string;
  bytes: number;
  url: string;
}

/** A download that does not look like the export it should be is refused, not written. */
async function checkDownloaded(file: string, source: OpenDataSource): Promise<void> {
  const head = (await readFile(file))
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (source.format === 'csv') {
    if (!head.includes(';')) throw new Error(`${source.file}: the download is not a ';'-separated CSV`);
    return;
  }
  const text = await readFile(file, 'utf8');
  try {
    JSON.parse(text);
  } catch {
    throw new Error(`${source.file}: the download is not valid JSON`);
  }
}

/**
 * Downloads the current exports into `directory`, each to a temporary file that replaces the old
 * copy only once it is complete and checked: an interrupted download never leaves a truncated file.
 */
export async function fetchOpenData(
  directory: string,
  baseUrl: string,
  onProgress: (message: string) => void = () => {},
): Promise<FetchResult[]> {
  await mkdir(directory, { recursive: true });
  const results: FetchResult[] = [];
  for (const source of OPEN_DATA_SOURCES) {
    const url = downloadUrl(baseUrl, source);
    const target = path.join(directory, source.file);
    const partial = `${target}.partial`;
    onProgress(`downloading ${source.description} from ${url}`);
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}`);
    try {
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        createWriteStream(partial),
      );
      await checkDownloaded(partial, source);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const { size } = await stat(target);
    results.push({ file: source.file, bytes: size, url });
  }
  return results;
}
