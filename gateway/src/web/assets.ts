import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_ASSETS_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

interface Asset {
  type: string;
  raw: Buffer;
  gzipped: Buffer;
}

/**
 * The built bundles, read and compressed once at start: they change only with a new build, and a
 * wall screen or a phone reloading the dashboard should not cost a compression each time.
 */
export class WebAssets {
  private readonly assets = new Map<string, Asset>();

  constructor(private readonly dir = WEB_ASSETS_DIR) {}

  /** Serves `/assets/<name>`; false when there is no such file. */
  serve(request: IncomingMessage, response: ServerResponse, name: string): boolean {
    const asset = this.load(name);
    if (!asset) return false;
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzipped : asset.raw;
    response.writeHead(200, {
      'content-type': asset.type,
      'content-length': String(body.length),
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  }

  private load(name: string): Asset | undefined {
    if (!/^[a-z0-9-]+\.(js|css|map)$/.test(name)) return undefined;
    const cached = this.assets.get(name);
    if (cached) return cached;
    const file = path.join(this.dir, name);
    if (!existsSync(file)) return undefined;
    const raw = readFileSync(file);
    const asset = { type: TYPES[path.extname(name)], raw, gzipped: gzipSync(raw, { level: 9 }) };
    this.assets.set(name, asset);
    return asset;
  }
}
