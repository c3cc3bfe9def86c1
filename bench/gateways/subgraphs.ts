import { createServer, type ServerResponse } from 'node:http';
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { BENCH_SUBGRAPH_NAMES, buildBenchSubgraphSchema, type BenchSubgraphName } from './subgraph-schemas';

/** Fetches each subgraph answered, read by the benchmark at GET /stats before and after a run. */
export interface SubgraphFetches {
  total: number;
  bySubgraph: Record<BenchSubgraphName, number>;
}

interface GraphQLRequestBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Serves the four benchmark subgraphs on one port (POST /<name>) and counts their fetches.
 * They must stay far cheaper than the gateway under test (they share a core with the load
 * generator; upstream uses Rust subgraphs for the same reason): documents are parsed and validated
 * once, and since the data never changes, an answer is kept by request body and served again as
 * the same bytes a fresh execution would give (SUBGRAPH_CACHE=0 executes every fetch).
 */
function main(): void {
  const port = Number(process.env.SUBGRAPH_PORT ?? 5201);
  const keepAnswers = process.env.SUBGRAPH_CACHE !== '0';
  const schemas = new Map<string, GraphQLSchema>(
    BENCH_SUBGRAPH_NAMES.map((name) => [name, buildBenchSubgraphSchema(name)]),
  );
  const documents = new Map<string, DocumentNode | Error>();
  const answers = new Map<string, Buffer>();
  const fetches: SubgraphFetches = {
    total: 0,
    bySubgraph: Object.fromEntries(
      BENCH_SUBGRAPH_NAMES.map((name) => [name, 0]),
    ) as SubgraphFetches['bySubgraph'],
  };

  const documentFor = (name: string, schema: GraphQLSchema, query: string): DocumentNode | Error => {
    const key = `${name}\0${query}`;
    let document = documents.get(key);
    if (!document) {
      try {
        const parsed = parse(query);
        const errors = validate(schema, parsed);
        document = errors.length > 0 ? new Error(errors.map((e) => e.message).join('; ')) : parsed;
      } catch (error) {
        document = error as Error;
      }
      documents.set(key, document);
    }
    return document;
  };

  const answer = async (name: string, schema: GraphQLSchema, body: string): Promise<Buffer> => {
    const key = `${name}\0${body}`;
    const kept = answers.get(key);
    if (kept) return kept;
    const request = JSON.parse(body) as GraphQLRequestBody;
    const document = documentFor(name, schema, request.query ?? '');
    const result =
      document instanceof Error
        ? { errors: [{ message: document.message }] }
        : await execute({
            schema,
            document,
            variableValues: request.variables,
            operationName: request.operationName,
          });
    const bytes = Buffer.from(JSON.stringify(result));
    if (keepAnswers && !result.errors) answers.set(key, bytes);
    return bytes;
  };

  const send = (response: ServerResponse, status: number, bytes: Buffer | string) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(bytes);
  };

  const server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0].slice(1);
    if (request.method === 'GET' && name === 'stats') return send(response, 200, JSON.stringify(fetches));
    const schema = schemas.get(name);
    if (request.method !== 'POST' || !schema)
      return send(response, 404, '{"errors":[{"message":"not found"}]}');
    fetches.total += 1;
    fetches.bySubgraph[name as BenchSubgraphName] += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      answer(name, schema, Buffer.concat(chunks).toString('utf8')).then(
        (bytes) => send(response, 200, bytes),
        (error: unknown) => send(response, 400, JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1', () => process.send?.({ ready: `http://127.0.0.1:${port}` }));
  process.on('SIGTERM', () => process.exit(0));
}

main();
