import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '#test/platform';

const run = promisify(execFile);
// npm test builds first; the CLI runs as a user runs it, from dist/.
const cli = path.resolve(__dirname, '..', '..', 'dist', 'app', 'cli', 'datasets.js');

let platform: TestPlatform;
let directory: string;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform(['territory', 'budget']);
  base = platform.gateway.url.replace(/\/graphql$/, '');
  directory = await mkdtemp(path.join(tmpdir(), 'ocg-cli-'));
});
afterAll(async () => {
  await platform?.stop();
  await rm(directory, { recursive: true, force: true });
});

describe('the datasets command-line tool', () => {
  it.each(['csv', 'ndjson'])(
    'resumes an interrupted %s download to the same bytes as a full one',
    async (format) => {
      const full = await (await fetch(`${base}/datasets/budget-projects.${format}?edition=2019`)).text();
      const out = path.join(directory, `budget-projects.${format}`);
      // An interruption in the middle of a row.
      await writeFile(out, full.slice(0, Math.floor(full.length * 0.6)));
      const { stdout } = await run(
        process.execPath,
        [cli, 'pull', 'budget-projects', '--format', format, '--out', out, '--where', 'edition=2019'],
        {
          env: { ...process.env, OCG_URL: base },
        },
      );
      expect(stdout).toMatch(/^Resumed/);
      expect(await readFile(out, 'utf8')).toBe(full);
    },
  );

  it('lists the catalog', async () => {
    const { stdout } = await run(process.execPath, [cli, 'list'], { env: { ...process.env, OCG_URL: base } });
    expect(stdout).toMatch(/budget-projects\s+OPEN_DATA/);
  });
});
