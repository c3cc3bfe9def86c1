import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GatewayErrorCode } from '../errors';
import type { OperationLimits } from './config';
import { refusal } from './refusal';

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
export function armorValidationRules(limits: OperationLimits): ValidationRule[] {
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
