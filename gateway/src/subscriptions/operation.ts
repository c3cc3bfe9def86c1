import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isObjectType,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type FieldNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
  type VariableDefinitionNode,
} from 'graphql/index.js'; // The CommonJS copy the federation packages use (see engine.ts).
import { getVariableValues } from 'graphql/execution/values.js';
import { badInput } from '#platform/errors';

/** The variable the gateway owns in every upstream subscription: where the owning subgraph resumes. */
export const RESUME_VARIABLE = 'ocgAfter';
/** An alias the gateway adds to every event to learn its position, removed before clients see it. */
export const POSITION_ALIAS = '_ocgEventId';

/**
 * A client's subscription, validated and rewritten for sharing: its `after` argument is lifted out
 * (each client resumes on its own, the shared upstream resumes where it stands) and the event's
 * `eventId` is always selected, so the gateway can order, deduplicate and resume every stream.
 */
export interface PreparedSubscription {
  document: DocumentNode;
  operationName?: string;
  /** The client's variables without the one that only carried `after`. */
  variables: Record<string, unknown>;
  /** The response key of the subscription field (its alias or name). */
  responseKey: string;
  /** The client's resume point, if it gave one. */
  after?: string;
  /** Identical for clients whose events are identical: document and variables, not `after`. */
  shareKey: string;
}

export interface PrepareOptions {
  /** The persisted-operation check: the query to run (from a hash) or a refusal. */
  resolveQuery?: (request: {
    query?: unknown;
    extensions?: unknown;
  }) => { ok: true; query: unknown } | { ok: false; error: GraphQLError };
  parseOptions?: ParseOptions;
  /** Production: no "Did you mean …?" in errors, so the schema cannot be guessed field by field. */
  hideSchemaDetails?: boolean;
  /** The gateway's own limits (depth, aliases, cost…), the same as for queries over HTTP. */
  validationRules?: readonly ValidationRule[];
  /** Checks that need the operation and its variables (the cost limit): an error refuses it. */
  operationCheck?: (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ) => GraphQLError | undefined;
}

export type Prepared =
  { ok: true; subscription: PreparedSubscription } | { ok: false; errors: GraphQLError[] };

function failed(...errors: GraphQLError[]): Prepared {
  return { ok: false, errors };
}

export interface SubscriptionRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** Parses, validates and rewrites one subscription request against the public API schema. */
export function prepareSubscription(
  schema: GraphQLSchema,
  received: SubscriptionRequest,
  options: PrepareOptions = {},
): Prepared {
  let request = received;
  if (options.resolveQuery) {
    const resolution = options.resolveQuery(received);
    // Re-created from this module's graphql, like the operation check's refusal below.
    if (!resolution.ok)
      return failed(new GraphQLError(resolution.error.message, { extensions: resolution.error.extensions }));
    request = { ...received, query: resolution.query };
  }
  if (typeof request.query !== 'string' || request.query.trim() === '') {
    return failed(
      new GraphQLError('The request has no query: send { query, variables?, operationName? }', {
        extensions: { code: 'BAD_REQUEST' },
      }),
    );
  }
  if (
    request.operationName !== undefined &&
    request.operationName !== null &&
    typeof request.operationName !== 'string'
  ) {
    return failed(
      new GraphQLError('operationName must be a string', { extensions: { code: 'BAD_REQUEST' } }),
    );
  }
  if (
    request.variables !== undefined &&
    request.variables !== null &&
    (typeof request.variables !== 'object' || Array.isArray(request.variables))
  ) {
    return failed(new GraphQLError('variables must be an object', { extensions: { code: 'BAD_REQUEST' } }));
  }
  const operationName = request.operationName ?? undefined;
  const variables = (request.variables ?? {}) as Record<string, unknown>;

  let document: DocumentNode;
  try {
    document = parse(request.query, options.parseOptions);
  } catch (error) {
    if (error instanceof GraphQLError) {
      return failed(new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }));
    }
    throw error;
  }
  const shown = (message: string) =>
    options.hideSchemaDetails ? message.replace(/ ?Did you mean(.+?)\?$/, '') : message;
  const validationErrors = validate(schema, document, [
    ...specifiedRules,
    ...(options.validationRules ?? []),
  ]);
  if (validationErrors.length > 0) {
    return failed(
      ...validationErrors.map(
        (error) =>
          new GraphQLError(shown(error.message), {
            nodes: error.nodes,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
          }),
      ),
    );
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return failed(
      new GraphQLError('Unable to identify the operation: give operationName', {
        extensions: { code: 'BAD_REQUEST' },
      }),
    );
  }
  if (operation.operation !== 'subscription') {
    return failed(
      new GraphQLError(
        `Subscriptions only here: send ${operation.operation} operations over HTTP POST /graphql`,
        {
          extensions: { code: 'BAD_REQUEST' },
        },
      ),
    );
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) {
    return failed(
      ...coerced.errors.map(
        (error) => new GraphQLError(shown(error.message), { extensions: { code: 'BAD_USER_INPUT' } }),
      ),
    );
  }
  const refusal = options.operationCheck?.(schema, document, operation, variables);
  // Re-created from this module's graphql: under vitest the check may come from the other copy.
  if (refusal) return failed(new GraphQLError(refusal.message, { extensions: refusal.extensions }));

  const root = operation.selectionSet.selections[0];
  if (operation.selectionSet.selections.length !== 1 || root.kind !== Kind.FIELD) {
    return failed(
      badInput('Select the subscription field directly in the operation, not through a fragment'),
    );
  }
  const field = schema.getSubscriptionType()?.getFields()[root.name.value];
  const eventType = field && getNamedType(field.type);
  if (
    !field ||
    !isObjectType(eventType) ||
    !eventType.getFields().eventId ||
    !field.args.some((argument) => argument.name === 'after')
  ) {
    return failed(
      badInput(
        `${root.name.value} is not a resumable event stream (it needs an eventId and an after argument)`,
      ),
    );
  }
  if (
    root.selectionSet?.selections.some(
      (selection) => selection.kind === Kind.FIELD && selection.alias?.value === POSITION_ALIAS,
    )
  ) {
    return failed(badInput(`The alias ${POSITION_ALIAS} is reserved by the gateway`));
  }

  let after: string | undefined;
  const given = root.arguments?.find((argument) => argument.name.value === 'after');
  if (given) {
    const value =
      given.value.kind === Kind.VARIABLE
        ? variables[given.value.name.value]
        : 'value' in given.value
          ? given.value.value
          : undefined;
    if (value !== undefined && value !== null) after = String(value);
  }

  const rewritten = rewrite(document, root);
  const used = usedVariables(rewritten);
  const kept = Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name)));
  const printed = print(rewritten);
  return {
    ok: true,
    subscription: {
      document: rewritten,
      operationName,
      variables: kept,
      responseKey: root.alias?.value ?? root.name.value,
      after,
      shareKey: JSON.stringify([printed, operationName ?? null, sortKeys(kept)]),
    },
  };
}

/** `after` becomes `$ocgAfter`, `_ocgEventId: eventId` joins the selection, unused variables go. */
function rewrite(document: DocumentNode, root: FieldNode): DocumentNode {
  const resumeArgument: ArgumentNode = {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'after' },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: RESUME_VARIABLE } },
  };
  const positionField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: POSITION_ALIAS },
    name: { kind: Kind.NAME, value: 'eventId' },
  };
  const resumeVariable: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: resumeArgument.value as VariableDefinitionNode['variable'],
    type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
  };
  const withRoot = visit(document, {
    Field(node) {
      if (node !== root) return undefined;
      return {
        ...node,
        arguments: [
          ...(node.arguments ?? []).filter((argument) => argument.name.value !== 'after'),
          resumeArgument,
        ],
        selectionSet: node.selectionSet && {
          ...node.selectionSet,
          selections: [...node.selectionSet.selections, positionField],
        },
      };
    },
    OperationDefinition(node) {
      if (!node.selectionSet.selections.includes(root)) return undefined;
      return { ...node, variableDefinitions: [...(node.variableDefinitions ?? []), resumeVariable] };
    },
  });
  const used = usedVariables(withRoot);
  return visit(withRoot, {
    VariableDefinition(node) {
      return used.has(node.variable.name.value) ? undefined : null;
    },
  });
}

/** Variables referenced outside their own definitions. */
function usedVariables(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  return used;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, sortKeys(item)]),
    );
  }
  return value;
}
