import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  DocumentNode,
  ExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
// The CommonJS build, named by file: the schema comes from type-graphql and @apollo/subgraph, which
// load it, and graphql's type checks refuse objects of another copy (the ESM one a bundler may pick).
import { execute } from 'graphql/execution/execute.js';
import { parse } from 'graphql/language/parser.js';
import { getOperationAST } from 'graphql/utilities/getOperationAST.js';
import { validate } from 'graphql/validation/validate.js';
import { formatError } from './errors';
import { PayloadTooLargeError, readBody, sendJson } from './http';

/** A query string parsed and validated once: the gateway sends the same few documents again and again. */
type Prepared = { document: DocumentNode } | { failure: GraphQLFormattedError[]; code: string };

const MAX_PREPARED = 1000;

interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** The formatted error of one failure, shaped like every other error of the service. */
function shaped(error: GraphQLError, code?: string): GraphQLFormattedError {
  const formatted = error.toJSON();
  const extensions = {
    ...formatted.extensions,
    code: code ?? formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
  };
  return formatError({ ...formatted, extensions }, error);
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * Serves GraphQL over HTTP for a subgraph with graphql-js directly: the documents the gateway
 * sends are parsed and validated once per query string, then only executed. It keeps what the
 * subgraphs' Apollo Server did for them: JSON POST (and GET) bodies, parse and validation failures
 * as 400 GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED, bad variables as 400 BAD_USER_INPUT,
 * no batching, the body size limit, and every error through `formatError`.
 */
/** Told of every executed operation: its name, outcome code (`OK` or the first error's) and duration. */
export type AnswerObserver = (operationName: string | undefined, code: string, seconds: number) => void;

/** Run once the operation is known and its context made, before it executes. */
export type BeforeExecute<TContext> = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
  context: TContext,
) => Promise<void>;

export class SubgraphGraphQLHandler<TContext> {
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly observe: AnswerObserver = () => {},
    private readonly beforeExecute?: BeforeExecute<TContext>,
  ) {}

  private prepare(query: string): Prepared {
    let prepared = this.prepared.get(query);
    if (prepared) return prepared;
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      prepared = errors.length
        ? {
            failure: errors.map((error) => shaped(error, 'GRAPHQL_VALIDATION_FAILED')),
            code: 'GRAPHQL_VALIDATION_FAILED',
          }
        : { document };
    } catch (error) {
      prepared = {
        failure: [shaped(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')],
        code: 'GRAPHQL_PARSE_FAILED',
      };
    }
    // Map order is insertion order: the oldest document goes first when the cache is full.
    if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value as string);
    this.prepared.set(query, prepared);
    return prepared;
  }

  /** Answers one request; `context` is called once the operation is known to be executable. */
  async handle(request: IncomingMessage, response: ServerResponse, context: () => TContext): Promise<void> {
    let body: GraphQLRequestBody;
    if (request.method === 'POST') {
      let text: string;
      try {
        text = await readBody(request);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          // The rest of the body is never read: a kept-alive connection would parse it as the next request.
          response.setHeader('connection', 'close');
          return refuse(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
        }
        throw error;
      }
      if (!(request.headers['content-type'] ?? '').includes('application/json'))
        return refuse(response, 415, 'BAD_REQUEST', 'Send GraphQL requests as application/json');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return refuse(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
      if (Array.isArray(parsed))
        return refuse(
          response,
          400,
          'BATCHING_NOT_SUPPORTED',
          'Batched operations are not supported: send one operation per request',
        );
      if (typeof parsed !== 'object' || parsed === null)
        return refuse(response, 400, 'BAD_REQUEST', 'The request body must be a JSON object');
      body = parsed as GraphQLRequestBody;
    } else if (request.method === 'GET') {
      const search = new URL(request.url ?? '/', 'http://localhost').searchParams;
      try {
        const variables = search.get('variables');
        body = {
          query: search.get('query') ?? undefined,
          operationName: search.get('operationName') ?? undefined,
          variables: variables ? (JSON.parse(variables) as unknown) : undefined,
        };
      } catch {
        return refuse(response, 400, 'BAD_REQUEST', 'The variables parameter is not valid JSON');
      }
    } else {
      response.setHeader('allow', 'GET, POST');
      return refuse(response, 405, 'BAD_REQUEST', 'GraphQL requests are GET or POST');
    }

    const { query, variables, operationName } = body;
    if (typeof query !== 'string' || query.length === 0)
      return refuse(response, 400, 'BAD_REQUEST', 'The request must carry a query string');
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
      return refuse(response, 400, 'BAD_REQUEST', '`variables` must be an object');
    if (operationName != null && typeof operationName !== 'string')
      return refuse(response, 400, 'BAD_REQUEST', '`operationName` must be a string');

    const prepared = this.prepare(query);
    if ('failure' in prepared) return sendJson(response, 400, { errors: prepared.failure });
    const operation = getOperationAST(prepared.document, operationName ?? undefined);
    if (!operation) {
      const message = operationName
        ? `Unknown operation named "${operationName}".`
        : 'Must provide operation name if query contains multiple operations.';
      return refuse(response, 400, 'OPERATION_RESOLUTION_FAILURE', message);
    }
    if (request.method === 'GET' && operation.operation !== 'query') {
      response.setHeader('allow', 'POST');
      return refuse(response, 405, 'BAD_REQUEST', 'GET requests may only carry queries');
    }
    const started = performance.now();
    const contextValue = context();
    await this.beforeExecute?.(prepared.document, operation, contextValue);
    const result = (await execute({
      schema: this.schema,
      document: prepared.document,
      operationName: operationName ?? undefined,
      variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
      contextValue,
    })) as ExecutionResult;
    // No `data` at all: the variables did not fit the operation, so nothing ran.
    if (!('data' in result) && result.errors)
      return sendJson(response, 400, {
        errors: result.errors.map((error) => shaped(error, 'BAD_USER_INPUT')),
      });
    const answer: { data?: unknown; errors?: GraphQLFormattedError[] } = {};
    if (result.errors) answer.errors = result.errors.map((error) => shaped(error));
    answer.data = result.data;
    const code = answer.errors ? String(answer.errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
    this.observe(operationName ?? undefined, code, (performance.now() - started) / 1000);
    sendJson(response, 200, answer);
  }
}
