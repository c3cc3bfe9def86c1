import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import { GraphQLError, Kind, parse, print, visit, type ASTNode, type FragmentDefinitionNode } from 'graphql';
import { GatewayErrorCode } from './errors';

/**
 * Persisted operations, in Apollo's conventions so Apollo Client's persisted-query link and
 * Apollo Router tooling work unchanged: the manifest is an Apollo persisted query manifest
 * (`format: "apollo-persisted-query-manifest"`, each operation's `id` the SHA-256 of its `body`),
 * and a client names an operation with `extensions.persistedQuery = { version: 1, sha256Hash }`.
 *
 * - `off`: as without a manifest (Apollo's automatic persisted queries, any operation).
 * - `allow`: manifest operations may be sent by hash alone; other operations still run.
 * - `require`: only manifest operations run, by hash or with their exact body (a safelist).
 */
export type PersistedOperationsMode = 'off' | 'allow' | 'require';

export const PERSISTED_OPERATIONS_MODES: readonly PersistedOperationsMode[] = ['off', 'allow', 'require'];

export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

/** Where `npm run compose` writes the manifest, from the operations in schema/operations/. */
export const DEFAULT_MANIFEST_PATH = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'schema',
  '__generated__',
  'persisted-operations.json',
);

export function operationHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The request fields the check reads, on every transport. */
export interface OperationRequest {
  query?: unknown;
  extensions?: unknown;
}

export type Resolution = { ok: true; query: unknown } | { ok: false; error: GraphQLError };

function refused(message: string, code: string, status: number): Resolution {
  return { ok: false, error: new GraphQLError(message, { extensions: { code, http: { status } } }) };
}

/** The hash of `extensions.persistedQuery`, undefined without one, or a refusal when malformed. */
function requestedHash(extensions: unknown): string | undefined | Resolution {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1 || typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash))
    return refused(
      'extensions.persistedQuery must be { version: 1, sha256Hash: <64 lower-case hex digits> }',
      'BAD_REQUEST',
      400,
    );
  return sha256Hash;
}

export class PersistedOperations {
  private readonly byHash: Map<string, PersistedOperation>;

  constructor(
    readonly mode: PersistedOperationsMode,
    manifest: PersistedOperationManifest,
  ) {
    this.byHash = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  /** The query text to run for `request`, or the refusal to answer (never called in mode `off`). */
  resolve(request: OperationRequest): Resolution {
    const hash = requestedHash(request.extensions);
    if (typeof hash === 'object') return hash;
    const query = request.query;
    const given = typeof query === 'string' && query !== '' ? query : undefined;
    if (hash !== undefined) {
      if (given !== undefined && operationHash(given) !== hash)
        return refused(
          'The query does not match extensions.persistedQuery.sha256Hash',
          GatewayErrorCode.PersistedQueryHashMismatch,
          400,
        );
      const listed = this.byHash.get(hash);
      if (listed) return { ok: true, query: listed.body };
      if (this.mode === 'require') return this.notInSafelist();
      if (given !== undefined) return { ok: true, query: given };
      // Status 200, as Apollo answers it: APQ clients then retry with the query text.
      return refused(
        `No persisted operation has the hash ${hash}: send the query text`,
        GatewayErrorCode.PersistedQueryNotFound,
        200,
      );
    }
    if (this.mode === 'require' && (given === undefined || !this.byHash.has(operationHash(given))))
      return this.notInSafelist();
    return { ok: true, query };
  }

  private notInSafelist(): Resolution {
    return refused(
      'Only the operations of the persisted operation manifest run here: send one by its ' +
        'extensions.persistedQuery.sha256Hash (or its exact body)',
      GatewayErrorCode.OperationNotInSafelist,
      400,
    );
  }
}

/** `PERSISTED_OPERATIONS=off|allow|require` (off), `PERSISTED_OPERATIONS_MANIFEST=<path>`. */
export function persistedOperationsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): PersistedOperations | undefined {
  const mode = (env.PERSISTED_OPERATIONS ?? 'off') as PersistedOperationsMode;
  if (!PERSISTED_OPERATIONS_MODES.includes(mode))
    throw new Error(`PERSISTED_OPERATIONS must be one of ${PERSISTED_OPERATIONS_MODES.join(', ')}`);
  if (mode === 'off') return undefined;
  const file = env.PERSISTED_OPERATIONS_MANIFEST ?? DEFAULT_MANIFEST_PATH;
  if (!existsSync(file)) throw new Error(`PERSISTED_OPERATIONS=${mode} needs a manifest: ${file} is missing`);
  return new PersistedOperations(mode, JSON.parse(readFileSync(file, 'utf8')) as PersistedOperationManifest);
}

/**
 * Applies the manifest to HTTP requests before Apollo reads them: a listed hash becomes its query,
 * so Apollo's own APQ never sees it. A refusal must go through Apollo's error path (an error thrown
 * this early is reported as an internal error), so the request is given a trivial placeholder
 * document and the refusal is thrown once the operation is resolved, before anything executes.
 */
export function persistedOperationsPlugin(operations: PersistedOperations): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const resolution = operations.resolve(request);
      const rewritten: GraphQLRequest = request;
      if (request.extensions) delete request.extensions.persistedQuery;
      if (resolution.ok) {
        rewritten.query = typeof resolution.query === 'string' ? resolution.query : undefined;
        return {};
      }
      rewritten.query = '{ __typename }';
      rewritten.operationName = undefined;
      return {
        async didResolveOperation() {
          throw resolution.error;
        },
      };
    },
  };
}

/**
 * The manifest of the client operations in `documents` (the .graphql files codegen reads): one
 * entry per operation, its body printed with the fragments it uses, in name order.
 */
export function persistedOperationManifest(documents: string[]): PersistedOperationManifest {
  const definitions = documents.flatMap((source) => parse(source).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operations = definitions.flatMap((definition): PersistedOperation[] => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    if (!definition.name) throw new Error('Every persisted operation needs a name');
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: ASTNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment) throw new Error(`Unknown fragment ${spread.name.value}`);
          if (used.has(fragment.name.value)) return;
          used.set(fragment.name.value, fragment);
          collect(fragment);
        },
      });
    collect(definition);
    const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...used.values()] });
    return [{ id: operationHash(body), name: definition.name.value, type: definition.operation, body }];
  });
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: operations.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
