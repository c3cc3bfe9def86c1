import type { ServerResponse } from 'node:http';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import { sendJson } from '../http';
import type { Identity } from '../identity';
import { logger } from '../logger';
import { recordExport } from '../observability/metrics';
import { MEDIA_TYPES, type DatasetDefinition, type ExportFormat } from './definition';
import { createFormatWriter } from './formats';
import { datasetVersion } from './ledger';
import { ExportRequestError, parseExportRequest } from './request';
import type { ByteSink, ExportRow } from './writer';

// Parquet gathers its row groups itself (PARQUET_ROW_GROUP_ROWS), from batches that die young.
const ROWS_PER_BATCH = { csv: 1000, ndjson: 1000, geojson: 1000, parquet: 1000, xlsx: 1000 } as const;

/** Formats whose media type takes no charset: their bytes are not text. */
const BINARY_FORMATS = new Set<ExportFormat>(['parquet', 'xlsx']);

class ClientGone extends Error {}

/** What one download has written so far: rows and bytes of the body (`ocg_export_*_total`). */
interface Tally {
  rows: number;
  bytes: number;
}

/** Counts the bytes that go through a sink. */
function countedSink(sink: ByteSink, tally: Tally): ByteSink {
  return {
    write(chunk) {
      tally.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      return sink.write(chunk);
    },
  };
}

/** Writes to the HTTP response, waiting for 'drain' when the client reads slower than we produce. */
function responseSink(response: ServerResponse): ByteSink {
  return {
    write(chunk) {
      if (response.destroyed) return Promise.reject(new ClientGone());
      if (response.write(chunk)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onDrain = () => {
          response.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          response.off('drain', onDrain);
          reject(new ClientGone());
        };
        response.once('drain', onDrain);
        response.once('close', onClose);
      });
    },
  };
}

/**
 * CSV straight from PostgreSQL's COPY: chunks are forwarded as they come, and the connection is
 * read no faster than the client reads. When the client goes away the statement is cancelled on
 * the server; the stream is drained to the cancellation error so the connection stays usable.
 */
async function streamCopy(
  db: DataSource,
  client: PoolClient,
  statement: string,
  response: ServerResponse,
  tally: Tally,
): Promise<void> {
  const copy = client.query(copyTo(statement));
  let done = false;
  const onClose = () => {
    if (done) return;
    db.query('SELECT pg_cancel_backend($1)', [(client as unknown as { processID: number }).processID]).catch(
      (error: unknown) => logger.warn({ err: error }, 'could not cancel an abandoned export'),
    );
    copy.resume();
  };
  response.once('close', onClose);
  try {
    await new Promise<void>((resolve, reject) => {
      copy.on('data', (chunk: Buffer) => {
        if (response.destroyed) return;
        tally.bytes += chunk.length;
        if (!response.write(chunk)) {
          copy.pause();
          response.once('drain', () => copy.resume());
        }
      });
      copy.once('end', resolve);
      copy.once('error', reject);
    });
  } finally {
    done = true;
    response.off('close', onClose);
    // PostgreSQL's count, from COPY's completion tag (0 when it was cancelled).
    tally.rows += copy.rowCount;
  }
  if (response.destroyed) throw new ClientGone();
}

/**
 * Streams one dataset from its subgraph's schema: a server-side cursor inside a read-only
 * repeatable-read transaction (one consistent snapshot), converted batch by batch, with
 * back-pressure. A client that goes away ends the cursor and returns the connection at once.
 */
/**
 * A computed dataset's service refuses a combination of parameters (a reversed range, too many
 * buckets) as it refuses GraphQL arguments: with BAD_USER_INPUT naming the argument, which is the
 * export parameter of the same name without the `filter.` prefix. Read structurally: the error
 * may come from another copy of graphql-js.
 */
function callerError(error: unknown): { message: string; parameter?: string } | undefined {
  const { message, extensions } = (error ?? {}) as { message?: string; extensions?: Record<string, unknown> };
  if (extensions?.code !== 'BAD_USER_INPUT' || typeof message !== 'string') return undefined;
  const argument = typeof extensions.argument === 'string' ? extensions.argument : undefined;
  return { message, parameter: argument?.replace(/^filter\./, '') };
}

export async function streamExport(
  db: DataSource,
  definition: DatasetDefinition,
  format: string,
  search: URLSearchParams,
  identity: Identity,
  response: ServerResponse,
): Promise<void> {
  if (definition.roles && !definition.roles.some((role) => identity.roles.includes(role))) {
    return sendJson(response, 403, {
      error: `${definition.id} is not available to your role`,
      code: 'FORBIDDEN',
    });
  }
  let request;
  try {
    request = parseExportRequest(definition, format, search);
  } catch (error) {
    if (error instanceof ExportRequestError) {
      return sendJson(response, 400, {
        error: error.message,
        parameter: error.parameter,
        code: 'BAD_USER_INPUT',
      });
    }
    throw error;
  }
  const version = await datasetVersion(db, definition);
  const keyName =
    definition.columns.find((column) => column.sql === definition.key.sql)?.name ?? definition.key.sql;
  const runner = db.createQueryRunner('slave');
  const client = (await runner.connect()) as PoolClient;
  let cursor: QueryStream | undefined;
  const tally: Tally = { rows: 0, bytes: 0 };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Shortest round-trip floats and ISO dates whatever the server's defaults: both paths rely on them.
    await client.query("SET LOCAL extra_float_digits = 1; SET LOCAL DateStyle = 'ISO, YMD'");
    // Computed before the headers, so parameters that contradict each other still get their 400.
    const computed = definition.compute ? await definition.compute(db, request.filterValues) : undefined;
    const stamp = version.modified ? version.modified.slice(0, 10) : 'current';
    response.writeHead(200, {
      'content-type': `${MEDIA_TYPES[request.format]}${BINARY_FORMATS.has(request.format) ? '' : '; charset=utf-8'}`,
      'content-disposition': `attachment; filename="${definition.id}-${stamp}-${version.version}.${request.format}"`,
      'x-dataset-version': version.version,
      'x-dataset-provenance': version.provenance,
      // The column a client passes back as `after=` to resume, and how: rows come in key order.
      'x-dataset-key': keyName,
      'x-dataset-resume': `repeat with after=<last ${keyName} received>`,
      ...(version.seed !== null
        ? { 'x-generator-seed': String(version.seed), 'x-generator-scale': String(version.scale) }
        : {}),
      'cache-control': 'no-store',
    });
    if (request.copy) {
      if (request.csv.bom) {
        response.write('\uFEFF');
        tally.bytes += 3;
      }
      await streamCopy(db, client, request.copy, response, tally);
      await client.query('COMMIT');
      response.end();
      return;
    }
    const sink = countedSink(responseSink(response), tally);
    const writer = await createFormatWriter(request.format, sink, request.query.columns, {
      csv: request.csv,
      metadata: { dataset: definition.id, version: version.version, provenance: version.provenance },
    });
    await writer.begin();
    if (computed) {
      tally.rows += computed.length;
      await writer.rows(computed);
      await writer.end();
      await client.query('COMMIT');
      response.end();
      return;
    }
    cursor = client.query(new QueryStream(request.query.sql, request.query.parameters, { batchSize: 1000 }));
    const openCursor = cursor;
    // Stop reading at once when the client leaves, not at the next write.
    response.once('close', () => openCursor.destroy());
    const size = ROWS_PER_BATCH[request.format];
    let batch: ExportRow[] = [];
    for await (const row of cursor as AsyncIterable<ExportRow>) {
      batch.push(row);
      if (batch.length >= size) {
        tally.rows += batch.length;
        await writer.rows(batch);
        batch = [];
      }
    }
    tally.rows += batch.length;
    await writer.rows(batch);
    await writer.end();
    await client.query('COMMIT');
    response.end();
  } catch (error) {
    cursor?.destroy();
    await client.query('ROLLBACK').catch(() => undefined);
    // The cursor ends early ("premature close") when the client went away mid-read: not a failure.
    if (error instanceof ClientGone || response.destroyed) {
      logger.info({ dataset: definition.id }, 'export cancelled by the client');
      return;
    }
    const refused = callerError(error);
    if (refused && !response.headersSent) {
      return sendJson(response, 400, {
        error: refused.message,
        parameter: refused.parameter,
        code: 'BAD_USER_INPUT',
      });
    }
    logger.error({ err: error, dataset: definition.id }, 'export failed');
    if (!response.headersSent)
      sendJson(response, 500, { error: 'export failed', code: 'INTERNAL_SERVER_ERROR' });
    else response.destroy();
  } finally {
    await runner.release();
    // Cancelled downloads count what they had written: the bytes did leave.
    if (tally.bytes > 0) recordExport(definition.id, request.format, tally.rows, tally.bytes);
  }
}
