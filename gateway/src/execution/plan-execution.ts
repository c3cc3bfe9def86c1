import type { ApolloGateway } from '@apollo/gateway';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { SpanKind, trace, type Span } from '@opentelemetry/api';
import {
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { logger } from '#platform/logger';
import { recordCacheLookup } from '#platform/observability/metrics';
import {
  executeSchedule,
  NeedsApolloExecutor,
  type ResultMap,
  type TypeConditionMatcher,
} from './plan-executor';
import { schedulePlan, type Schedule, type SubgraphRequest } from './plan-schedule';
import { isAbstract, isObject, ResultShaper, tagOf } from './result-shaper';
import type { SubgraphAnswer } from './subgraph-pools';

export type GatewayExecutor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];
export type GatewayRequestContext = Parameters<GatewayExecutor>[0];

export interface PlanExecutionOptions {
  supergraphSdl: string;
  /** Where each subgraph of the supergraph is reached. */
  subgraphUrl(serviceName: string): string;
  /** Sends one request body to a subgraph (a kept-alive pool in the gateway). */
  post(
    url: URL,
    body: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<SubgraphAnswer>;
  /** The headers every subgraph fetch of this request carries (the signed identity). */
  headers(requestContext: GatewayRequestContext): Record<string, string>;
  /** Aborts the fetches of an operation that has timed out. */
  signal(): AbortSignal | undefined;
  /** Apollo's executor: for the plans and answers this one leaves to it. */
  fallback: GatewayExecutor;
}

interface CompiledOperation {
  schedule: Schedule;
  shaper: ResultShaper;
}

/** What the executor does with one operation: run it itself, or hand it to Apollo's executor. */
type Compiled = CompiledOperation | 'apollo';

/**
 * Executes query plans itself: `@apollo/query-planner` builds them (once per document and
 * operation name), fetches of one subgraph at one level go out as one request over a kept-alive
 * pool, each subgraph answer is parsed once, and the answer is shaped by a per-operation shaper.
 * Mutations, introspection, @defer, rewrites and every answer carrying an error go to Apollo's
 * executor, whose error paths and codes stay the reference.
 */
/** The spans @apollo/gateway names for its own executor, so traces read the same on either path. */
const tracer = trace.getTracer('open-city-graph/gateway');

function traced<T>(name: string, options: Parameters<typeof tracer.startSpan>[1], work: () => T): T {
  return tracer.startActiveSpan(name, options ?? {}, (span: Span) => {
    let result: T;
    try {
      result = work();
    } catch (error) {
      span.end();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => span.end()) as T;
    span.end();
    return result;
  });
}

export function planExecutor(options: PlanExecutionOptions): GatewayExecutor {
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const planner = new QueryPlanner(supergraph);
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const matches = typeMatcher(supergraphSchema);
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const urls = new Map<string, URL>();
  const urlOf = (serviceName: string) => {
    let url = urls.get(serviceName);
    if (!url) urls.set(serviceName, (url = new URL(options.subgraphUrl(serviceName))));
    return url;
  };

  const compile = (requestContext: GatewayRequestContext): Compiled => {
    const { document, operation, schema } = requestContext;
    const name = requestContext.request.operationName ?? '';
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let entry = byName.get(name);
    recordCacheLookup('plan', entry !== undefined);
    if (!entry) {
      entry = compileOperation(document, requestContext, schema);
      byName.set(name, entry);
    }
    return entry;
    function compileOperation(
      doc: DocumentNode,
      context: GatewayRequestContext,
      api: GraphQLSchema,
    ): Compiled {
      if (!operation || operation.operation !== 'query' || introspects(doc)) return 'apollo';
      try {
        const plan = traced('gateway.plan', {}, () =>
          planner.buildQueryPlan(
            operationFromDocument(apiSchema, doc, { operationName: context.request.operationName }),
          ),
        );
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of doc.definitions)
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        return { schedule: schedulePlan(plan), shaper: new ResultShaper(api, operation, fragments) };
      } catch {
        // Unsupported shapes, and documents the planner refuses: Apollo's executor answers them its way.
        return 'apollo';
      }
    }
  };

  return async (requestContext) => {
    const operation = compile(requestContext);
    if (operation === 'apollo') return options.fallback(requestContext);
    const headers = options.headers(requestContext);
    const signal = options.signal();
    const send = async (request: SubgraphRequest, variables: ResultMap): Promise<ResultMap> => {
      const body = JSON.stringify({
        query: request.operation,
        operationName: request.operationName,
        variables,
      });
      let answer;
      try {
        // A client span: the subgraph's server span (its traceparent) hangs under it.
        answer = await traced(
          'gateway.fetch',
          { kind: SpanKind.CLIENT, attributes: { service: request.serviceName } },
          () => options.post(urlOf(request.serviceName), body, headers, signal),
        );
      } catch (error) {
        throw new NeedsApolloExecutor(`${request.serviceName} unreachable`, { cause: error });
      }
      if (answer.status !== 200)
        throw new NeedsApolloExecutor(`${request.serviceName} answered ${answer.status}`);
      let parsed: { data?: unknown; errors?: unknown };
      try {
        parsed = JSON.parse(answer.text) as typeof parsed;
      } catch {
        throw new NeedsApolloExecutor(`${request.serviceName} answered no JSON`);
      }
      if (parsed.errors !== undefined || typeof parsed.data !== 'object' || parsed.data === null)
        throw new NeedsApolloExecutor(`${request.serviceName} answered errors`);
      return parsed.data as ResultMap;
    };
    try {
      const variables = requestContext.request.variables as ResultMap | undefined;
      const data = await traced('gateway.request', {}, () =>
        executeSchedule(operation.schedule, variables, send, matches),
      );
      return { data: operation.shaper.shape(data, variables) };
    } catch (error) {
      // Whatever went wrong, Apollo's executor gives the reference answer and errors (after a timeout, none).
      if (signal?.aborted) throw error;
      logger.debug({ err: error }, "answered by Apollo's executor");
      return options.fallback(requestContext);
    }
  };
}

/** `__schema` and `__type` are answered by Apollo's executor from the API schema. */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field: (field) => {
      if (field.name.value === '__schema' || field.name.value === '__type') found = true;
    },
  });
  return found;
}

/** `... on Condition` matching against the supergraph's types, as Apollo's executor does, memoised. */
function typeMatcher(schema: GraphQLSchema): TypeConditionMatcher {
  const known = new Map<string, boolean>();
  return (typename, condition) => {
    if (typename === condition) return true;
    const key = `${typename} ${condition}`;
    let result = known.get(key);
    if (result === undefined) {
      const type = schema.getType(typename);
      const conditionType = schema.getType(condition);
      result =
        (isObject(type) || tagOf(type) === 'GraphQLInterfaceType') &&
        isAbstract(conditionType) &&
        schema.isSubType(conditionType, type as GraphQLObjectType);
      known.set(key, result);
    }
    return result;
  };
}
