import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GatewayErrorCode } from './errors';

type GatewayExecutor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];

/**
 * The operation limits of the public endpoint. One module for every transport: HTTP uses them
 * through Apollo Server (parse options, validation rules, the cost plugin, the executor timeout);
 * graphql-ws and SSE call `parseOptions`, `limitValidationRules` and `operationCheckError` directly.
 */
export interface OperationLimits {
  /** Nested field levels, `__schema` not counted (the cycle rule covers introspection). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document, enforced by graphql-js's parser itself. */
  maxTokens: number;
  /** Each field costs 1, times the list sizes above it. */
  maxCost: number;
  /** Times one response key may be selected directly in one selection set. */
  maxFieldRepeats: number;
  /** List size assumed for list fields without `first`/`last` (reference lists: arrondissements, districts). */
  defaultListSize: number;
  /** List size assumed for a `first`/`last` given by a variable without value: the subgraphs' page-size cap. */
  maxListSize: number;
  /** Wall-clock budget of one operation's execution. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2000,
  maxCost: 5000,
  maxFieldRepeats: 5,
  defaultListSize: 10,
  // platform/src/pagination.ts MAX_PAGE_SIZE: subgraphs refuse larger pages.
  maxListSize: 100,
  timeoutMs: 15_000,
};

const ENV_NAMES: Record<Exclude<keyof OperationLimits, 'maxListSize'>, string> = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxCost: 'GRAPHQL_MAX_COST',
  maxFieldRepeats: 'GRAPHQL_MAX_FIELD_REPEATS',
  defaultListSize: 'GRAPHQL_DEFAULT_LIST_SIZE',
  timeoutMs: 'GRAPHQL_OPERATION_TIMEOUT_MS',
};

export function operationLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof typeof ENV_NAMES, string][]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive integer`);
    limits[key] = number;
  }
  return limits;
}

export function parseOptions(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

function refusal(message: string, code: string, nodes?: OperationDefinitionNode | FieldNode): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, http: { status: 400 } } });
}

type Fragments = Record<string, FragmentDefinitionNode | undefined>;

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * graphql-armor reports its refusals as BAD_USER_INPUT with a "Syntax Error:" prefix; report them
 * instead with the limit's own code, so clients can tell a limit from a wrong argument.
 */
function reportAs(code: string) {
  return [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(refusal(error.message.replace(/^Syntax Error: /, ''), code)),
  ];
}

/**
 * Depth, aliases and directives from graphql-armor. Its cost rule is off: it has no notion of
 * list sizes, which `operationCost` counts. Its token limit is off: graphql-js's parser enforces
 * `maxTokens` itself (`parseOptions`). Field suggestions are hidden by Apollo in production.
 */
function armorValidationRules(limits: OperationLimits): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      // Inline fragments and spreads are not levels of the response; only fields are.
      flattenFragments: true,
      onReject: reportAs(GatewayErrorCode.DepthLimit),
      propagateOnRejection: false,
    },
    maxAliases: {
      n: limits.maxAliases,
      // Armor lets `__typename` aliases through by default; graphql-cop's alias overloading uses exactly those.
      allowList: [],
      onReject: reportAs(GatewayErrorCode.AliasLimit),
      propagateOnRejection: false,
    },
    maxDirectives: {
      n: limits.maxDirectives,
      onReject: reportAs(GatewayErrorCode.DirectiveLimit),
      propagateOnRejection: false,
    },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return validationRules;
}

/** The same field selected over and over in one selection set: no client needs it, it only burns CPU. */
function fieldRepeatRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    SelectionSet(selectionSet) {
      const counts = new Map<string, number>();
      for (const selection of selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === limits.maxFieldRepeats + 1) {
          context.reportError(
            refusal(
              `The field "${key}" is selected more than ${limits.maxFieldRepeats} times in one selection set`,
              GatewayErrorCode.FieldDuplicationLimit,
              selection,
            ),
          );
        }
      }
    },
  });
}

/**
 * A number literal too large for a double (`1e400`): graphql-js accepts it as a Float of Infinity,
 * which the query planner then fails on, so it is refused before planning.
 */
function finiteNumberRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const check = (node: ValueNode & { value: string }) => {
      if (!Number.isFinite(Number(node.value)))
        context.reportError(
          new GraphQLError(`The number ${node.value.slice(0, 24)}… is out of range`, {
            nodes: node,
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
    };
    return { IntValue: check, FloatValue: check };
  };
}

/** Introspection list fields that, met twice on one path, can only come from a cyclic query. */
const INTROSPECTION_LISTS = new Set([
  'types',
  'fields',
  'inputFields',
  'interfaces',
  'possibleTypes',
  'args',
]);

/**
 * Refuses `__schema { types { fields { type { fields { … } } } } }` and the like: the standard
 * introspection query (GraphiQL, codegen) never nests one of these lists inside itself.
 */
function introspectionCycleRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    const checked = new Set<string>();
    const cyclic = (selectionSet: SelectionSetNode, path: ReadonlySet<string>): boolean =>
      selectionSet.selections.some((selection) => {
        if (selection.kind === Kind.INLINE_FRAGMENT) return cyclic(selection.selectionSet, path);
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments[selection.name.value];
          // Each fragment is explored once per set of lists above it: at most 2^6 times, whatever the document.
          const visit = `${selection.name.value}|${[...path].sort().join(',')}`;
          if (!fragment || checked.has(visit)) return false;
          checked.add(visit);
          return cyclic(fragment.selectionSet, path);
        }
        const name = selection.name.value;
        if (INTROSPECTION_LISTS.has(name) && path.has(name)) return true;
        const next = INTROSPECTION_LISTS.has(name) ? new Set([...path, name]) : path;
        return selection.selectionSet ? cyclic(selection.selectionSet, next) : false;
      });
    return {
      Field(field) {
        if ((field.name.value === '__schema' || field.name.value === '__type') && field.selectionSet) {
          if (cyclic(field.selectionSet, new Set())) {
            context.reportError(
              refusal(
                'Introspection queries may not nest a list inside itself (circular introspection)',
                GatewayErrorCode.IntrospectionCycle,
                field,
              ),
            );
          }
          return false;
        }
        return undefined;
      },
    };
  };
}

/** Validation rules to run with graphql-js's specified rules, on every transport. */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  return [
    ...armorValidationRules(limits),
    fieldRepeatRule(limits),
    introspectionCycleRule(),
    finiteNumberRule(),
  ];
}

const SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * The operation's cost: every field costs 1, multiplied by the sizes of the lists above it (an
 * object field at least 1 per item, whatever is selected from it). A list
 * size is the field's `first`/`last` (literal or variable), else `defaultListSize` for a plain list;
 * the `edges`/`nodes` list directly under a sized field is already counted by that size.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): number {
  const fragments = fragmentsOf(document);
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const sizeOf = (value: ValueNode): number => {
    const raw =
      value.kind === Kind.VARIABLE
        ? (variables?.[value.name.value] ?? defaults[value.name.value])
        : valueFromASTUntyped(value);
    if (raw === undefined || raw === null) return limits.maxListSize;
    return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(0, raw) : limits.maxListSize;
  };
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const cost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    sized: boolean,
  ): number =>
    sum(
      selectionSet.selections.map((selection) => {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          return cost(selection.selectionSet, type, sized);
        }
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments[selection.name.value];
          const key = `${selection.name.value}:${sized}`;
          if (!fragment || visiting.has(key)) return 0;
          let value = memo.get(key);
          if (value === undefined) {
            visiting.add(key);
            value = cost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), sized);
            visiting.delete(key);
            memo.set(key, value);
          }
          return value;
        }
        // __typename and introspection are free: introspection is bounded by the cycle rule and off in production.
        if (selection.name.value.startsWith('__')) return 0;
        const definition =
          parent && 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
        if (!definition) return 0;
        const sizeArgument = selection.arguments?.find((argument) => SIZE_ARGUMENTS.has(argument.name.value));
        const size = sizeArgument ? sizeOf(sizeArgument.value) : undefined;
        // The printed type (`[District!]!`), not graphql-js's instanceof predicates: the schema may
        // come from another copy of graphql-js than ours (test runners load both its builds).
        const printed = String(definition.type);
        const isList = printed.replace(/!$/, '').startsWith('[');
        const multiplier = size ?? (isList && !sized ? limits.defaultListSize : 1);
        const named = schema.getType(printed.replace(/[[\]!]/g, ''));
        // Every fetched item costs at least 1, even when only `__typename` is selected from it.
        const inner = selection.selectionSet
          ? Math.max(1, cost(selection.selectionSet, named ?? undefined, size !== undefined))
          : 0;
        return 1 + multiplier * inner;
      }),
    );

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return cost(operation.selectionSet, root ?? undefined, false);
}

/** The refusal for an operation over budget, or undefined (checked once variables are known). */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError | undefined {
  const cost = operationCost(schema, document, operation, variables, limits);
  if (cost <= limits.maxCost) return undefined;
  return refusal(
    `Operation cost ${cost} exceeds the maximum cost of ${limits.maxCost} ` +
      `(each field costs 1, times the list sizes above it: first/last, or ${limits.defaultListSize} for other lists)`,
    GatewayErrorCode.CostLimit,
    operation,
  );
}

/** Whether a literal or a variable of the operation carries U+0000 somewhere in its text. */
function carriesNul(document: DocumentNode, variables: Record<string, unknown> | undefined): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  const inValue = (value: unknown): boolean =>
    typeof value === 'string'
      ? value.includes('\u0000')
      : value !== null && typeof value === 'object' && Object.values(value).some(inValue);
  return found || inValue(variables ?? {});
}

/**
 * The checks of an operation once its variables are known: no NUL character in its text (no
 * service can store or compare it: PostgreSQL refuses it in text), then the cost limit.
 */
export function operationCheckError(
  ...operation: Parameters<typeof operationCostError>
): GraphQLError | undefined {
  const [, document, , variables] = operation;
  if (carriesNul(document, variables))
    return new GraphQLError('Text arguments may not contain the NUL character (U+0000)', {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  return operationCostError(...operation);
}

/** Apollo Server's hook for the cost check: after validation, when the variables are known. */
export function costLimitPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo itself refuses a document whose operation it cannot pick.
          const error = operationCheckError(schema, document, operation, request.variables, limits);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * Bounds an operation's wall-clock time. The subgraph fetches already sent run to their end (the
 * gateway's data sources take no abort signal), but the caller is answered and its slot freed.
 */
export function withOperationTimeout(executor: GatewayExecutor, timeoutMs: number): GatewayExecutor {
  return async (requestContext) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new GraphQLError(`The operation did not complete within ${timeoutMs} ms`, {
              extensions: { code: GatewayErrorCode.Timeout, http: { status: 504 } },
            }),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([executor(requestContext), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
