import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fetchOpenData } from './fetch';
import { OPEN_DATA_SOURCES } from './sources';

// A local stand-in for opendata.paris.fr that serves the shared exports at the portal's paths.
let portal: Server;
let baseUrl: string;
let target: string;
const requested: string[] = [];
const openDataDir = inject('openDataDir');

beforeAll(async () => {
  target = await mkdtemp(path.join(tmpdir(), 'ocg-fetch-'));
  portal = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requested.push(`${url.pathname}?${url.searchParams.toString()}`);
    const datasetId = /^\/explore\/dataset\/([^/]+)\/download\/$/.exec(url.pathname)?.[1];
    const source = OPEN_DATA_SOURCES.find((candidate) => candidate.datasetId === datasetId);
    if (!source || !openDataDir) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(openDataDir, source.file)).then((bytes) => response.end(bytes));
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});

afterAll(async () => {
  portal?.close();
  await rm(target, { recursive: true, force: true });
});

describe.skipIf(!openDataDir)('datasets:fetch', () => {
  it('downloads every export byte for byte from the portal paths the importers need', async () => {
    const results = await fetchOpenData(target, baseUrl);
    expect(results.map((result) => result.file).sort()).toEqual(
      OPEN_DATA_SOURCES.map((source) => source.file).sort(),
    );
    for (const source of OPEN_DATA_SOURCES) {
      const [downloaded, original] = await Promise.all([
        readFile(path.join(target, source.file)),
        readFile(path.join(openDataDir as string, source.file)),
      ]);
      expect(downloaded.equals(original)).toBe(true);
    }
    expect(requested).toContain(
      '/explore/dataset/bp_projets_gagnants/download/?format=csv&use_labels_for_header=true&delimiter=%3B',
    );
  });

  it('refuses a download that is not the expected format and leaves no partial file', async () => {
    const broken = await mkdtemp(path.join(tmpdir(), 'ocg-fetch-broken-'));
    const notJson = createServer((_request, response) => response.end('<html>maintenance</html>'));
    await new Promise<void>((resolve) => notJson.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(notJson.address() as AddressInfo).port}`;
      await expect(fetchOpenData(broken, url)).rejects.toThrow(/not valid JSON|not a ';'-separated CSV/);
      expect(await readdir(broken)).toEqual([]);
    } finally {
      notJson.close();
      await rm(broken, { recursive: true, force: true });
    }
  });
});
