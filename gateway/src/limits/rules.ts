import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { GatewayErrorCode } from '../errors';
import { armorValidationRules } from './armor';
import type { OperationLimits } from './config';
import { fragmentsOf, refusal } from './refusal';

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
