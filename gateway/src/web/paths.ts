import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root, found upwards from this file: the same from dist/ and from the sources (tests). */
function findProjectRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schema'))) return dir;
  }
  throw new Error(`No project root above ${start}`);
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
/** Where `npm run build` writes the browser bundles (see build.ts). */
export const WEB_ASSETS_DIR = path.join(PROJECT_ROOT, 'dist', 'web');
/** The browser sources: the dashboard and GraphiQL entries. */
export const WEB_SOURCES_DIR = path.join(PROJECT_ROOT, 'gateway', 'web');
