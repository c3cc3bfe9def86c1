import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextResponseForOperation,
} from '@apollo/server';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';
import { createBroker, type Broker } from '#platform/events/broker';
import type { Identity } from '#platform/identity';
import { logger } from '#platform/logger';
import { recordCacheLookup } from '#platform/observability/metrics';
import { SUBGRAPH_NAMES } from '#platform/subgraphs';

/**
 * Read from the supergraph's SDL alone (its join directives), so no graphql type object is needed:
 * which subgraphs can resolve each field (`Type.field`), what type each field returns, and the
 * possible types of each interface and union.
 */
export interface SubgraphMap {
  fields: Map<string, { subgraphs: string[]; returns: string }>;
  possibleTypes: Map<string, string[]>;
  subgraphs: string[];
}

function argument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  return value?.kind === Kind.ENUM || value?.kind === Kind.STRING ? value.value : undefined;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

export function subgraphMap(supergraphSdl: string): SubgraphMap {
  const document = parse(supergraphSdl);
  const names = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((candidate) => candidate.name.value === 'join__graph');
      names.set(
        value.name.value,
        (directive && argument(directive, 'name')) ?? value.name.value.toLowerCase(),
      );
    }
  }
  const graphsOf = (directives: readonly ConstDirectiveNode[] | undefined, directive: string) =>
    (directives ?? [])
      .filter((candidate) => candidate.name.value === directive)
      .map((candidate) => names.get(argument(candidate, 'graph') ?? '') ?? '')
      .filter(Boolean);
  const map: SubgraphMap = { fields: new Map(), possibleTypes: new Map(), subgraphs: [...names.values()] };
  const possible = (abstract: string, type: string) =>
    map.possibleTypes.set(abstract, [...(map.possibleTypes.get(abstract) ?? []), type]);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.UNION_TYPE_DEFINITION)
      for (const member of definition.types ?? []) possible(definition.name.value, member.name.value);
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION)
      continue;
    for (const implemented of definition.interfaces ?? [])
      possible(implemented.name.value, definition.name.value);
    const typeGraphs = graphsOf(definition.directives, 'join__type');
    for (const field of definition.fields ?? []) {
      const fieldGraphs = graphsOf(field.directives, 'join__field');
      map.fields.set(`${definition.name.value}.${field.name.value}`, {
        subgraphs: fieldGraphs.length ? fieldGraphs : typeGraphs,
        returns: namedType(field.type),
      });
    }
  }
  return map;
}

/**
 * The subgraphs whose data an operation may read: for every selected field, those that can resolve
 * it, on every possible type of an interface or union. An over-approximation, which only makes
 * invalidation wider; a field the map does not know counts as reading every subgraph.
 */
export function subgraphsRead(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  map: SubgraphMap,
): Set<string> {
  const read = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seen = new Set<string>();
  const walk = (types: string[], selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const returned = new Set<string>();
        for (const type of types) {
          const field = map.fields.get(`${type}.${selection.name.value}`);
          for (const subgraph of field?.subgraphs ?? map.subgraphs) read.add(subgraph);
          if (field) returned.add(field.returns);
        }
        if (!selection.selectionSet) continue;
        const next = [...returned].flatMap((type) => [type, ...(map.possibleTypes.get(type) ?? [])]);
        walk(next, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        walk(
          condition ? [condition, ...(map.possibleTypes.get(condition) ?? [])] : types,
          selection.selectionSet,
        );
      } else {
        const fragment = fragments.get(selection.name.value);
        const id = `${selection.name.value}@${types.join(',')}`;
        if (!fragment || seen.has(id)) continue;
        seen.add(id);
        const condition = fragment.typeCondition.name.value;
        walk([condition, ...(map.possibleTypes.get(condition) ?? [])], fragment.selectionSet);
      }
    }
  };
  walk([operation.operation === 'query' ? 'Query' : 'Mutation'], operation.selectionSet);
  return read;
}

interface Entry {
  result: FormattedExecutionResult;
  subgraphs: Set<string>;
}

/** `RESPONSE_CACHE_ENTRIES` (default 1000; 0 turns the cache off). */
export function responseCacheEntries(env: NodeJS.ProcessEnv = process.env): number {
  const entries = Number(env.RESPONSE_CACHE_ENTRIES ?? 1000);
  if (!Number.isInteger(entries) || entries < 0)
    throw new Error('RESPONSE_CACHE_ENTRIES must be a whole number (0 turns the response cache off)');
  return entries;
}

/** Only callers who read nothing beyond public data share cached answers: the public role, no devices. */
function isPublicCaller(identity: Identity | undefined): boolean {
  return !!identity && identity.roles.length === 1 && identity.roles[0] === 'public' && !identity.devices;
}

/**
 * Answers of public queries, kept until a subgraph they read commits a change. Invalidation comes
 * from the change notifications that drive the subscriptions (the event hub's wake on the broker,
 * one channel per subgraph schema, sent once a write has committed), never from a TTL; a mutation
 * through this gateway clears the cache before its answer leaves, so a caller reads its own writes.
 * An answer computed while a change arrived is not kept (it may predate the change).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every change: an answer started under an older generation is not stored. */
  private generation = 0;
  private broker?: Broker;
  /** Others kept until a subgraph changes (the live events' entity answers), told of each change. */
  private readonly listeners: ((subgraph: string) => void)[] = [];

  private constructor(
    private readonly map: SubgraphMap,
    private readonly maxEntries: number,
  ) {}

  /**
   * The cache of a gateway serving our own graph, or undefined: on a supergraph with other
   * subgraphs (no change notifications to trust) or with `RESPONSE_CACHE_ENTRIES=0`.
   */
  static async start(
    supergraphSdl: string,
    databaseUrl: string,
    env: NodeJS.ProcessEnv = process.env,
  ): Promise<ResponseCache | undefined> {
    const maxEntries = responseCacheEntries(env);
    const map = subgraphMap(supergraphSdl);
    const ours = new Set<string>(SUBGRAPH_NAMES);
    if (maxEntries === 0 || map.subgraphs.length === 0 || !map.subgraphs.every((name) => ours.has(name)))
      return undefined;
    const cache = new ResponseCache(map, maxEntries);
    const broker = await createBroker(databaseUrl, env);
    const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    // The channels EventHub publishes on once a subgraph's transaction has committed.
    for (const subgraph of map.subgraphs)
      await broker.subscribe(`ocg.events.${database}.${subgraph}`, () => cache.changed(subgraph));
    // Wakes sent while the broker was unreachable are lost: forget everything.
    broker.onReconnect(() => cache.clear());
    cache.broker = broker;
    return cache;
  }

  /** A committed change in `subgraph`: every answer that read it goes. */
  changed(subgraph: string): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) if (entry.subgraphs.has(subgraph)) this.entries.delete(key);
    for (const listener of this.listeners) listener(subgraph);
  }

  /** Calls `listener` with each subgraph that changed: on its notification, or its mutation here. */
  onChange(listener: (subgraph: string) => void): void {
    this.listeners.push(listener);
  }

  /** Every subgraph may have changed (notifications were lost): nothing kept survives. */
  clear(): void {
    this.forget();
    for (const subgraph of this.map.subgraphs) for (const listener of this.listeners) listener(subgraph);
  }

  private forget(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** A mutation through this gateway, before and after it runs: what it may write is changing. */
  private mutating(written: Set<string>): void {
    for (const subgraph of written) for (const listener of this.listeners) listener(subgraph);
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    await this.broker
      ?.close()
      .catch((error: unknown) => logger.warn({ err: error }, 'response cache broker'));
  }

  /** The Apollo plugin: looks up after validation and the limits, stores what executed without errors. */
  plugin<TContext extends { identity: Identity }>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        let key: string | undefined;
        let startedAt = 0;
        let hit = false;
        let written: Set<string> | undefined;
        const keyOf = (context: GraphQLRequestContextResponseForOperation<TContext>) =>
          JSON.stringify([
            context.contextValue.identity.roles,
            context.queryHash,
            context.operationName ?? null,
            context.request.variables ?? {},
            // Answers carry absolute URLs and IRIs: they start with PUBLIC_URL, read per request.
            process.env.PUBLIC_URL ?? null,
          ]);
        return {
          responseForOperation: async (context) => {
            // No operation to run (an operationName the document lacks): Apollo answers that itself.
            if (!context.operation) return null;
            if (context.operation.operation === 'mutation') {
              written = subgraphsRead(context.document, context.operation, this.map);
              this.generation += 1;
              this.mutating(written);
              return null;
            }
            if (context.operation.operation !== 'query' || !isPublicCaller(context.contextValue.identity))
              return null;
            key = keyOf(context);
            startedAt = this.generation;
            const entry = this.entries.get(key);
            recordCacheLookup('response', entry !== undefined);
            if (!entry) return null;
            hit = true;
            // Most recently used last: the first entry is the one evicted.
            this.entries.delete(key);
            this.entries.set(key, entry);
            const headers = new HeaderMap([['x-ocg-cache', 'hit']]);
            return {
              http: { status: undefined, headers },
              body: { kind: 'single', singleResult: entry.result },
            };
          },
          willSendResponse: async (context) => {
            // Whatever a mutation wrote has committed by now (or not at all): no older answer survives
            // it here; what others keep goes for the subgraphs it may have written.
            if (written) {
              this.forget();
              return this.mutating(written);
            }
            if (!key || hit || startedAt !== this.generation || !context.document || !context.operation)
              return;
            const { body } = context.response;
            if (body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
            if (this.entries.size >= this.maxEntries)
              this.entries.delete(this.entries.keys().next().value as string);
            this.entries.set(key, {
              result: body.singleResult,
              subgraphs: subgraphsRead(context.document, context.operation, this.map),
            });
          },
        };
      },
    };
  }
}
