import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { getOperationAST, parse, type ParseOptions } from 'graphql';
import {
  executeGraphQLRequest,
  readGraphQLBody,
  sendGraphQLAnswer,
  type GraphQLHttpAnswer,
} from '#platform/http';
import type { Identity } from '#platform/identity';
import { identityKey } from './deduplication';

/** Distinct documents whose operation type is remembered; the cache starts over beyond it. */
const KNOWN_DOCUMENTS = 1000;

/** The request headers Apollo Server reads besides the body: part of the key, so a shared answer is the one each would get. */
const ANSWER_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Inbound in-flight deduplication at the HTTP layer: identical query requests of one caller
 * (same body, same answer-shaping headers, same identity) arriving while the first is running get
 * its HTTP answer, serialized once, without going through Apollo Server again. Mutations,
 * subscriptions, persisted-query hashes without a document and unparsable documents always run.
 */
export class InFlightAnswers {
  private readonly inFlight = new Map<string, Promise<GraphQLHttpAnswer>>();
  private readonly queries = new Map<string, boolean>();

  constructor(private readonly parseOptions: ParseOptions) {}

  key(request: IncomingMessage, body: unknown, identity: Identity): string | undefined {
    if (typeof body !== 'object' || body === null) return undefined;
    const { query, operationName } = body as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || (operationName !== undefined && typeof operationName !== 'string'))
      return undefined;
    if (!this.isQuery(query, operationName)) return undefined;
    const headers = ANSWER_HEADERS.map((name) => request.headers[name] ?? null);
    return JSON.stringify([identityKey(identity), headers, body]);
  }

  share(key: string, run: () => Promise<GraphQLHttpAnswer>): Promise<GraphQLHttpAnswer> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const answer = run().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, answer);
    return answer;
  }

  /** Only whole answers of queries can be handed to several callers. */
  private isQuery(query: string, operationName: string | undefined): boolean {
    const documentKey = `${operationName ?? ''}\n${query}`;
    let known = this.queries.get(documentKey);
    if (known === undefined) {
      try {
        const operation = getOperationAST(parse(query, this.parseOptions), operationName);
        known = operation?.operation === 'query' && !/@(defer|stream)\b/.test(query);
      } catch {
        known = false; // Apollo answers the parse error, every time.
      }
      if (this.queries.size >= KNOWN_DOCUMENTS) this.queries.clear();
      this.queries.set(documentKey, known);
    }
    return known;
  }
}

/** Answers one admitted GraphQL request over HTTP, sharing the answer of an identical query in flight. */
export function graphQLRequestHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (identity: Identity) => TContext,
  answers: InFlightAnswers | undefined,
) {
  return async (request: IncomingMessage, response: ServerResponse, identity: Identity): Promise<void> => {
    const read = await readGraphQLBody(request, response);
    if (!read) return;
    const run = () => executeGraphQLRequest(apollo, request, read.body, async () => context(identity));
    const key = answers?.key(request, read.body, identity);
    await sendGraphQLAnswer(response, key === undefined ? await run() : await answers!.share(key, run));
  };
}
