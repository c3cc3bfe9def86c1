import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { DatasetDefinition } from './exports/definition';
import type { Identity } from './identity';

/**
 * What every subgraph resolver receives. Built once per request: the loaders it holds batch and
 * cache only within that request, so no caller ever sees another caller's data through a cache.
 */
export interface BaseContext {
  identity: Identity;
  db: DataSource;
  loaders: LoaderRegistry;
  /** The gateway's public address (public-url.ts), for the catalog's IRIs and download URLs. */
  publicUrl?: string;
  /** Every dataset the platform publishes (the application passes it in; territory describes it). */
  catalog?: readonly DatasetDefinition[];
}

/**
 * Per-request home of every DataLoader. A loader is created on first use under a name (and, for
 * loaders that depend on field arguments such as `first`, a key made of those arguments).
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
    variant?: unknown,
  ): DataLoader<K, V> {
    const id = variant === undefined ? name : `${name}:${JSON.stringify(variant)}`;
    let loader = this.loaders.get(id) as DataLoader<K, V> | undefined;
    if (!loader) {
      // Awaited, so an argument check that throws before the first query (a bad `near`) rejects
      // with its own error: DataLoader replaces a synchronous throw with a TypeError of its own.
      loader = new DataLoader<K, V>(async (keys) => batch(keys), { maxBatchSize: 1000 });
      this.loaders.set(id, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders rows fetched with `IN (...)` to match the keys DataLoader asked for (missing ones -> null). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups rows fetched with `IN (...)` into one list per key, in the keys' order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
