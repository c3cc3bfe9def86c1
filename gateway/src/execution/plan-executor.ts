import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { PlannedFetch, Schedule, SubgraphRequest } from './plan-schedule';

/**
 * The answer is not a clean one (a subgraph error, an unexpected shape, a non-null field without
 * value): Apollo's executor answers instead, so errors keep exactly their paths and codes.
 */
export class NeedsApolloExecutor extends Error {}

export type ResultMap = Record<string, unknown>;

/** Sends one request with its variables; resolves with the `data` of a clean answer, else throws NeedsApolloExecutor. */
export type SendSubgraphRequest = (request: SubgraphRequest, variables: ResultMap) => Promise<ResultMap>;

/** Whether an object whose `__typename` is `typename` matches `... on condition` (abstract types included). */
export type TypeConditionMatcher = (typename: string, condition: string) => boolean;

function isObject(value: unknown): value is ResultMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Apollo's deepMerge: objects field by field, lists of equal length element by element. */
export function deepMerge(target: ResultMap, source: unknown): void {
  if (!isObject(source)) return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === '__proto__') throw new NeedsApolloExecutor('a subgraph answered a __proto__ key');
    const existing = target[key];
    if (existing && isObject(value) && isObject(existing)) deepMerge(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let index = 0; index < value.length; index += 1) {
        if (isObject(existing[index]) && isObject(value[index]))
          deepMerge(existing[index] as ResultMap, value[index]);
        else existing[index] = value[index];
      }
    } else target[key] = value;
  }
}

/** The objects at `path` (`@` walks into a list), nulls left out: the entities a fetch completes. */
export function entitiesAt(
  value: unknown,
  path: readonly (string | number)[],
  from = 0,
  found: ResultMap[] = [],
) {
  if (value === null || value === undefined) return found;
  if (from === path.length) {
    if (Array.isArray(value)) {
      for (const element of value) if (isObject(element)) found.push(element);
    } else if (isObject(value)) found.push(value);
    return found;
  }
  const part = path[from];
  if (part === '@') {
    if (!Array.isArray(value)) throw new NeedsApolloExecutor(`expected a list at ${path.join('.')}`);
    for (const element of value) entitiesAt(element, path, from + 1, found);
  } else {
    if (typeof part !== 'string' || !isObject(value))
      throw new NeedsApolloExecutor(`unexpected value at ${path.join('.')}`);
    entitiesAt(value[part], path, from + 1, found);
  }
  return found;
}

/** The representation of `source` for `selections` (Apollo's executeSelectionSet); null when a key field is missing. */
export function representation(
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
  matches: TypeConditionMatcher,
): ResultMap | null {
  if (source === null || !isObject(source)) return null;
  const result: ResultMap = {};
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = source[name];
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value))
        result[name] = inner ? value.map((element) => representation(element, inner, matches)) : value;
      else result[name] = inner ? representation(value, inner, matches) : value;
    } else {
      const typename = source.__typename;
      if (!selection.typeCondition || typeof typename !== 'string') continue;
      if (matches(typename, selection.typeCondition))
        deepMerge(result, representation(source, selection.selections, matches));
    }
  }
  return result;
}

interface FetchTargets {
  fetch: PlannedFetch;
  /** For each representation sent, the entities it stands for; undefined for a root fetch. */
  owners?: ResultMap[][];
}

async function runRequest(
  request: SubgraphRequest,
  data: ResultMap,
  clientVariables: ResultMap | undefined,
  send: SendSubgraphRequest,
  matches: TypeConditionMatcher,
): Promise<void> {
  const variables: ResultMap = {};
  const targets: FetchTargets[] = [];
  let needed = false;
  for (const fetch of request.fetches) {
    for (const name of fetch.variableUsages) {
      const value = clientVariables?.[name];
      if (value !== undefined && Object.hasOwn(clientVariables!, name)) variables[name] = value;
    }
    if (!fetch.requires) {
      targets.push({ fetch });
      needed = true;
      continue;
    }
    // One representation per distinct entity: the same product under ten reviews is asked for once.
    // Its answer is merged into each of them; they share its objects, which is safe because
    // entities at one path get the same selections from every later fetch.
    const owners: ResultMap[][] = [];
    const representations: ResultMap[] = [];
    const seen = new Map<string, number>();
    for (const entity of entitiesAt(data, fetch.path)) {
      const entityRepresentation = representation(entity, fetch.requires, matches);
      if (!entityRepresentation?.__typename) continue;
      const key = JSON.stringify(entityRepresentation);
      const index = seen.get(key);
      if (index !== undefined) owners[index].push(entity);
      else {
        seen.set(key, representations.length);
        representations.push(entityRepresentation);
        owners.push([entity]);
      }
    }
    variables[fetch.representationsVariable] = representations;
    targets.push({ fetch, owners });
    if (representations.length > 0) needed = true;
  }
  if (!needed) return;
  const answer = await send(request, variables);
  for (const { fetch, owners } of targets) {
    if (!owners) {
      deepMerge(data, answer);
      continue;
    }
    if (owners.length === 0) continue;
    const received = answer[fetch.entitiesField];
    if (!Array.isArray(received) || received.length !== owners.length)
      throw new NeedsApolloExecutor(`${request.serviceName} answered the wrong number of entities`);
    for (let index = 0; index < owners.length; index += 1) {
      const entity: unknown = received[index];
      for (const owner of owners[index]) {
        if (isObject(entity) && !entity.__typename) entity.__typename = owner.__typename;
        deepMerge(owner, entity);
      }
    }
  }
}

/** Runs the levels in order, the requests of one level in parallel; returns the unshaped data. */
export async function executeSchedule(
  schedule: Schedule,
  clientVariables: ResultMap | undefined,
  send: SendSubgraphRequest,
  matches: TypeConditionMatcher,
): Promise<ResultMap> {
  const data: ResultMap = {};
  for (const level of schedule) {
    if (level.length === 1) await runRequest(level[0], data, clientVariables, send, matches);
    else await Promise.all(level.map((request) => runRequest(request, data, clientVariables, send, matches)));
  }
  return data;
}
