import { createWriteStream, existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';

/**
 * `npm run datasets -- list` and `npm run datasets -- pull <id> [--format csv] [--out file]
 * [--where name=value …]`: a researcher's download tool. It shows progress, and re-running the
 * same pull after an interruption resumes (CSV and NDJSON): it reads the key of the last complete
 * row already on disk and asks the server for the rows after it.
 */
const gateway = (process.env.OCG_URL ?? 'http://localhost:4000').replace(/\/$/, '');
const headers: Record<string, string> = process.env.OCG_API_KEY
  ? { 'x-api-key': process.env.OCG_API_KEY }
  : {};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function options(name: string): string[] {
  return process.argv.flatMap((value, index) => (process.argv[index - 1] === `--${name}` ? [value] : []));
}

async function list(): Promise<void> {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      query: '{ datasets { id title provenance license { name } distributions { format } } }',
    }),
  });
  const body = (await response.json()) as {
    data?: { datasets: { id: string; title: string; provenance: string; license: { name: string } }[] };
  };
  for (const dataset of body.data?.datasets ?? []) {
    console.log(
      `${dataset.id.padEnd(24)} ${dataset.provenance.padEnd(10)} ${dataset.title} (${dataset.license.name})`,
    );
  }
}

/**
 * The key of the last complete row of a partial CSV or NDJSON download, after cutting the file
 * back to that row: whatever follows the last newline is an incomplete row and is fetched again.
 */
function resumePoint(file: string, format: string, keyColumn: string): string | undefined {
  const bytes = readFileSync(file);
  const complete = bytes.lastIndexOf(10) + 1;
  truncateSync(file, complete);
  const lines = bytes
    .subarray(0, complete)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\n');
  lines.pop();
  if (format === 'ndjson') {
    return lines.length > 0
      ? String((JSON.parse(lines[lines.length - 1]) as Record<string, unknown>)[keyColumn])
      : undefined;
  }
  if (lines.length < 2) return undefined;
  const [header, last] = parse(`${lines[0]}\n${lines[lines.length - 1]}\n`, {
    relax_quotes: true,
  }) as string[][];
  return last[header.indexOf(keyColumn)];
}

async function pull(id: string): Promise<void> {
  const format = option('format') ?? 'csv';
  const out = option('out') ?? `${id}.${format}`;
  const url = new URL(`${gateway}/datasets/${id}.${format}`);
  for (const pair of options('where')) {
    const [name, ...value] = pair.split('=');
    url.searchParams.set(name, value.join('='));
  }
  let resumeFrom: string | undefined;
  if (existsSync(out) && statSync(out).size > 0 && (format === 'csv' || format === 'ndjson')) {
    const head = await fetch(url, { method: 'HEAD', headers });
    const keyColumn = head.headers.get('x-dataset-key');
    if (keyColumn) resumeFrom = resumePoint(out, format, keyColumn);
  }
  if (resumeFrom !== undefined) url.searchParams.set('after', resumeFrom);
  const response = await fetch(url, { headers });
  if (!response.ok || !response.body) {
    throw new Error(`${response.status}: ${await response.text()}`);
  }
  const file = createWriteStream(out, { flags: resumeFrom !== undefined ? 'a' : 'w' });
  let bytes = 0;
  let skipHeader = resumeFrom !== undefined && format === 'csv';
  const started = Date.now();
  const progress = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `\r${id}: ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(0)} s (${(bytes / 1e6 / Math.max(seconds, 0.001)).toFixed(1)} MB/s)   `,
    );
  }, 250);
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      let data = Buffer.from(chunk);
      if (skipHeader) {
        // A resumed CSV repeats its header line: the file on disk has one already.
        const newline = data.indexOf(10);
        if (newline < 0) continue;
        data = data.subarray(newline + 1);
        skipHeader = false;
      }
      bytes += data.length;
      if (!file.write(data)) await once(file, 'drain');
    }
  } finally {
    clearInterval(progress);
    file.end();
    await once(file, 'finish');
  }
  process.stderr.write('\n');
  const version = response.headers.get('x-dataset-version');
  console.log(
    `${resumeFrom !== undefined ? 'Resumed' : 'Saved'} ${out} (${bytes} bytes, dataset version ${version})`,
  );
}

async function main(): Promise<void> {
  const [command, id] = process.argv.slice(2);
  if (command === 'list') return list();
  if (command === 'pull' && id) return pull(id);
  console.error(
    'usage: npm run datasets -- list | pull <id> [--format csv|ndjson|geojson|parquet|xlsx] [--out file] [--where name=value]…',
  );
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(`datasets: ${(error as Error).message}`);
  process.exit(1);
});
