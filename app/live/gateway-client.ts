import { setTimeout as sleep } from 'node:timers/promises';

/** One GraphQL error as the gateway answers it. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

/** The gateway answered with errors that sending the same request again would not change. */
export class RejectedOperationError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(errors.map((error) => error.message).join('; '));
  }

  /** The operation names a field the composed graph does not have (e.g. a subgraph not deployed). */
  get unknownField(): boolean {
    return this.errors.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  }
}

export interface GatewayClientOptions {
  /** The gateway's `/graphql` URL. */
  url: string;
  /** A key with the `sensor` and `operator` roles (the launcher's OPERATOR_API_KEY). */
  apiKey: string;
  /** Attempts for a transient failure (network, 5xx, 429) before giving up; 1 means no retry. */
  attempts?: number;
  /** First retry delay; each next one doubles. */
  retryDelayMs?: number;
  /** Aborts a retry loop when the owner stops. */
  signal?: AbortSignal;
}

/**
 * Error codes that the same request sent again would get again. Anything else (a subgraph that is
 * restarting, a timeout, a rate limit) is the server's momentary state and worth a retry.
 */
const PERMANENT_CODES = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'FIELD_DUPLICATION_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
]);

/**
 * Sends operations to the gateway over HTTP, as any outside client would: the simulator and the
 * MQTT bridge ingest through the same public mutations, validation and authorization as sensors.
 * Ingestion mutations are idempotent on a client id, so retrying a transient failure with the very
 * same variables can never store anything twice.
 */
export class GatewayClient {
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: GatewayClientOptions) {
    this.attempts = options.attempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  async request<TData>(query: string, variables: Record<string, unknown> = {}): Promise<TData> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      if (attempt > 1)
        await sleep(this.retryDelayMs * 2 ** (attempt - 2), undefined, { signal: this.options.signal });
      try {
        return await this.send<TData>(query, variables);
      } catch (error) {
        if (error instanceof RejectedOperationError) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  private async send<TData>(query: string, variables: Record<string, unknown>): Promise<TData> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.options.apiKey },
      body: JSON.stringify({ query, variables }),
      signal: this.options.signal,
    });
    if (response.status >= 500 || response.status === 429)
      throw new Error(`the gateway answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: TData | null; errors?: GraphQLErrorBody[] };
    if (body.errors && body.errors.length > 0) {
      if (body.errors.every((error) => PERMANENT_CODES.has(error.extensions?.code ?? '')))
        throw new RejectedOperationError(body.errors);
      throw new Error(`transient gateway error: ${body.errors.map((error) => error.message).join('; ')}`);
    }
    if (!body.data) throw new Error(`the gateway answered HTTP ${response.status} without data`);
    return body.data;
  }
}
