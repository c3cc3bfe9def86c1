import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_SOURCES_DIR } from './paths';

/** The dashboard's operations, typed by codegen for its bundle. */
export const DASHBOARD_OPERATIONS_DIR = path.join(WEB_SOURCES_DIR, 'dashboard', 'operations');

/**
 * The dashboard's operation documents, in file order: `npm run compose` lists them in the
 * persisted-operation manifest beside schema/operations/, so the dashboard still works where
 * only the manifest's operations run (`PERSISTED_OPERATIONS=require`).
 */
export function dashboardOperationSources(dir = DASHBOARD_OPERATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}
