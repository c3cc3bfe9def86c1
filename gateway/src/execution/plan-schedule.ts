import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from '@apollo/query-planner';
import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** A plan shape the executor does not run itself: Apollo's executor answers instead. */
export class UnsupportedPlanError extends Error {}

/** One fetch of the plan, placed where its answer goes. */
export interface PlannedFetch {
  /** Where its entities are, from the root (`@` walks a list); empty for a root fetch. */
  path: readonly (string | number)[];
  /** The entity key and @requires fields sent as representations; absent for a root fetch. */
  requires?: readonly QueryPlanSelectionNode[];
  /** The client's variables this fetch forwards. */
  variableUsages: readonly string[];
  /** The response field holding its answer: `_entities`, or its alias in a merged request. */
  entitiesField: string;
  /** The variable carrying its representations. */
  representationsVariable: string;
}

/** One HTTP request to one subgraph: a fetch of the plan, or several merged into one operation. */
export interface SubgraphRequest {
  serviceName: string;
  operation: string;
  operationName: string | undefined;
  fetches: readonly PlannedFetch[];
}

/**
 * The plan as levels: every request of a level depends only on earlier levels, and each subgraph
 * gets at most one entity request per level (Apollo's plan asks a subgraph once per branch: 16
 * fetches where 9 do on the gateways benchmark's query).
 */
export type Schedule = readonly (readonly SubgraphRequest[])[];

interface PlacedFetch {
  node: FetchNode;
  path: (string | number)[];
}

/** Places each fetch at the earliest level its sequence predecessors allow; returns the depth used. */
function place(node: PlanNode, start: number, path: (string | number)[], levels: PlacedFetch[][]): number {
  switch (node.kind) {
    case 'Fetch':
      if (
        node.operationKind !== 'query' ||
        node.inputRewrites?.length ||
        node.outputRewrites?.length ||
        node.contextRewrites?.length ||
        node.hasDefers ||
        (!node.requires && path.length > 0)
      )
        throw new UnsupportedPlanError(`fetch from ${node.serviceName} needs Apollo's executor`);
      (levels[start] ??= []).push({ node, path });
      return 1;
    case 'Flatten':
      return place(node.node, start, [...path, ...node.path], levels);
    case 'Sequence': {
      let depth = 0;
      for (const child of node.nodes) depth += place(child, start + depth, path, levels);
      return depth;
    }
    case 'Parallel':
      return Math.max(0, ...node.nodes.map((child) => place(child, start, path, levels)));
    default:
      throw new UnsupportedPlanError(`${node.kind} nodes need Apollo's executor`);
  }
}

/** Turns a query plan into levels of subgraph requests, merging one subgraph's entity fetches per level. */
export function schedulePlan(plan: QueryPlan): Schedule {
  if (!plan.node) return [];
  if (plan.node.kind === 'Subscription') throw new UnsupportedPlanError('subscriptions use their own engine');
  const levels: PlacedFetch[][] = [];
  place(plan.node, 0, [], levels);
  return levels.filter(Boolean).map((level) => {
    const requests: SubgraphRequest[] = [];
    const entityFetches = new Map<string, PlacedFetch[]>();
    for (const placed of level) {
      if (!placed.node.requires) requests.push(single(placed));
      else {
        const group = entityFetches.get(placed.node.serviceName);
        if (group) group.push(placed);
        else entityFetches.set(placed.node.serviceName, [placed]);
      }
    }
    for (const group of entityFetches.values())
      requests.push(group.length === 1 ? single(group[0]) : merged(group));
    return requests;
  });
}

function single({ node, path }: PlacedFetch): SubgraphRequest {
  return {
    serviceName: node.serviceName,
    operation: node.operation,
    operationName: node.operationName,
    fetches: [
      {
        path,
        requires: node.requires,
        variableUsages: node.variableUsages ?? [],
        entitiesField: '_entities',
        representationsVariable: 'representations',
      },
    ],
  };
}

/**
 * One operation asking for several `_entities` lists, each aliased and fed its own representations
 * variable; fragment names get the fetch's suffix so two fetches' fragments never clash.
 */
function merged(group: PlacedFetch[]): SubgraphRequest {
  const variables = new Map<string, VariableDefinitionNode>();
  const selections: SelectionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const fetches: PlannedFetch[] = group.map(({ node, path }, index) => {
    const suffix = `__${index}`;
    const representationsVariable = `representations${suffix}`;
    const entitiesField = `_entities${suffix}`;
    const renamed = visit(parse(node.operation), {
      Variable: (variable) =>
        variable.name.value === 'representations'
          ? { ...variable, name: { ...variable.name, value: representationsVariable } }
          : undefined,
      FragmentSpread: (spread) => ({
        ...spread,
        name: { ...spread.name, value: spread.name.value + suffix },
      }),
      FragmentDefinition: (fragment) => ({
        ...fragment,
        name: { ...fragment.name, value: fragment.name.value + suffix },
      }),
    }) as DocumentNode;
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) {
        for (const variable of definition.variableDefinitions ?? [])
          variables.set(variable.variable.name.value, variable);
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities')
            throw new UnsupportedPlanError(
              `entity fetch from ${node.serviceName} selects more than _entities`,
            );
          selections.push({ ...selection, alias: { kind: Kind.NAME, value: entitiesField } });
        }
      }
    }
    return {
      path,
      requires: node.requires,
      variableUsages: node.variableUsages ?? [],
      entitiesField,
      representationsVariable,
    };
  });
  const first = group[0].node;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: first.operationName ? { kind: Kind.NAME, value: first.operationName } : undefined,
    variableDefinitions: [...variables.values()],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  return {
    serviceName: first.serviceName,
    operation: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }),
    operationName: first.operationName,
    fetches,
  };
}
