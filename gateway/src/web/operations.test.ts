import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as dashboard from '../../web/dashboard/__generated__/operations';
import type { PersistedOperationManifest } from '../persisted-operations';
import { dashboardOperationSources } from './operations';
import { PROJECT_ROOT } from './paths';

/** What `npm run compose` writes (DEFAULT_MANIFEST_PATH is right from dist/ only). */
const MANIFEST = path.join(PROJECT_ROOT, 'schema', '__generated__', 'persisted-operations.json');

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as PersistedOperationManifest;
const documents = Object.entries(dashboard).filter(([name]) => name.endsWith('Document')) as [
  string,
  DocumentNode,
][];

describe("the dashboard's operations in the persisted-operation manifest", () => {
  it('are read from gateway/web/dashboard/operations/', () => {
    expect(dashboardOperationSources().join('\n')).toContain('query DashboardStations');
  });

  it('lists each with the exact text the page sends, so PERSISTED_OPERATIONS=require runs them', () => {
    expect(documents.length).toBeGreaterThan(5);
    const bodies = new Set(manifest.operations.map((operation) => operation.body));
    for (const [name, document] of documents) expect(bodies.has(print(document)), name).toBe(true);
  });
});
