import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a sample's time goes: the first of these whose pattern its script's URL contains. */
export type Categories = Record<string, RegExp>;

export interface ProfileShares {
  /** CPU time sampled outside `(idle)`, in ms. */
  busyMs: number;
  /** Each category's share of the busy time, from 0 to 1; `(garbage collector)` as `gc`. */
  shares: Record<string, number>;
}

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and charges each sample to the nearest frame with a
 * script URL: a builtin (Map.get, string concatenation…) counts for the code that called it. The
 * share of a library is then its own code and what it calls of the engine, not what its callers do
 * around it, so a wrapper of the whole request (an HTTP instrumentation) is not charged for the request.
 */
export function profileShares(file: string, categories: Categories): ProfileShares {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const categoryOf = new Map<number, string | undefined>();
  const charge = (id: number): string | undefined => {
    if (categoryOf.has(id)) return categoryOf.get(id);
    let found: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (frame.functionName === '(garbage collector)') {
        found = 'gc';
        break;
      }
      if (!frame.url) continue;
      found = Object.entries(categories).find(([, pattern]) => pattern.test(frame.url))?.[0];
      break;
    }
    categoryOf.set(id, found);
    return found;
  };
  let busy = 0;
  const spent: Record<string, number> = {};
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    if (nodes.get(id)!.callFrame.functionName === '(idle)') return;
    busy += delta;
    const category = charge(id);
    if (category) spent[category] = (spent[category] ?? 0) + delta;
  });
  const shares: Record<string, number> = {};
  for (const [category, micros] of Object.entries(spent)) shares[category] = busy ? micros / busy : 0;
  return { busyMs: busy / 1000, shares };
}
