import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GatewayErrorCode } from '../errors';
import type { OperationLimits } from './config';
import { fragmentsOf, refusal } from './refusal';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

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
