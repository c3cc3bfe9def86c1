import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  visit,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLLeafType,
  type GraphQLList,
  type GraphQLNamedType,
  type GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { NeedsApolloExecutor, type ResultMap } from './plan-executor';

/**
 * The kind of a graphql-js type, read from its tag rather than with `instanceof`: the schema comes
 * from Apollo's copy of graphql-js, which test runners load beside ours (see errors.ts).
 */
export function tagOf(type: unknown): string | undefined {
  return (type as { [Symbol.toStringTag]?: string } | undefined)?.[Symbol.toStringTag];
}
const isNonNull = (type: unknown): type is GraphQLNonNull<GraphQLOutputType> =>
  tagOf(type) === 'GraphQLNonNull';
const isList = (type: unknown): type is GraphQLList<GraphQLOutputType> => tagOf(type) === 'GraphQLList';
const isLeaf = (type: unknown): type is GraphQLLeafType =>
  tagOf(type) === 'GraphQLScalarType' || tagOf(type) === 'GraphQLEnumType';
export const isObject = (type: unknown): type is GraphQLObjectType => tagOf(type) === 'GraphQLObjectType';
export const isAbstract = (type: unknown): type is GraphQLAbstractType =>
  tagOf(type) === 'GraphQLInterfaceType' || tagOf(type) === 'GraphQLUnionType';

type FieldsByKey = Map<string, FieldNode[]>;

/**
 * Shapes the merged subgraph data into the client's answer: its fields in its order, under its
 * aliases, nothing the plan added (keys, `__typename`, @requires inputs). Field collection is
 * computed once per selection and runtime type and kept for the operation's next requests.
 * Anything irregular (a non-null field without value, an unknown type) is left to Apollo.
 */
export class ResultShaper {
  private readonly rootType: GraphQLObjectType;
  /** @skip/@include make field collection depend on the variables: then it is not cached. */
  private readonly conditional: boolean;
  private readonly collected = new WeakMap<object, Map<string, FieldsByKey>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
  ) {
    const rootType = schema.getRootType(operation.operation);
    if (!rootType) throw new NeedsApolloExecutor(`no ${operation.operation} type`);
    this.rootType = rootType;
    let conditional = false;
    const scan = { Directive: () => void (conditional = true) };
    visit(operation, scan);
    for (const fragment of Object.values(fragments)) visit(fragment, scan);
    this.conditional = conditional;
  }

  shape(data: ResultMap, variables: ResultMap | undefined): ResultMap {
    return this.completeObject(this.rootType, this.operation, [this.operation.selectionSet], data, variables);
  }

  private completeObject(
    type: GraphQLObjectType,
    owner: object,
    selectionSets: readonly SelectionSetNode[],
    source: ResultMap,
    variables: ResultMap | undefined,
  ): ResultMap {
    const result: ResultMap = {};
    const fields = type.getFields();
    for (const [key, nodes] of this.fieldsOf(type, owner, selectionSets, variables)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        result[key] = type.name;
        continue;
      }
      const field = fields[name];
      if (!field) throw new NeedsApolloExecutor(`${type.name}.${name} is not a plain field`);
      result[key] = this.completeValue(field.type, nodes, source[key], variables);
    }
    return result;
  }

  private completeValue(
    type: GraphQLOutputType,
    nodes: FieldNode[],
    value: unknown,
    variables: ResultMap | undefined,
  ): unknown {
    if (isNonNull(type)) {
      const completed = this.completeValue(type.ofType, nodes, value, variables);
      if (completed === null) throw new NeedsApolloExecutor('a non-null field has no value');
      return completed;
    }
    if (value === null || value === undefined) return null;
    if (isList(type)) {
      if (!Array.isArray(value)) throw new NeedsApolloExecutor('a list field holds no list');
      return value.map((element) => this.completeValue(type.ofType, nodes, element, variables));
    }
    if (isLeaf(type)) {
      let serialized: unknown;
      try {
        serialized = type.serialize(value);
      } catch {
        throw new NeedsApolloExecutor(`a ${type.name} value does not serialize`);
      }
      if (serialized === undefined) throw new NeedsApolloExecutor(`a ${type.name} value does not serialize`);
      return serialized;
    }
    if (typeof value !== 'object' || Array.isArray(value))
      throw new NeedsApolloExecutor('an object field holds no object');
    const source = value as ResultMap;
    let runtime: GraphQLObjectType;
    if (isAbstract(type)) {
      const named =
        typeof source.__typename === 'string' ? this.schema.getType(source.__typename) : undefined;
      if (!isObject(named) || !this.schema.isSubType(type, named))
        throw new NeedsApolloExecutor(`no runtime type for ${type.name}`);
      runtime = named;
    } else if (isObject(type)) runtime = type;
    else throw new NeedsApolloExecutor('an object field of no object type');
    const selectionSets: SelectionSetNode[] = [];
    for (const node of nodes) if (node.selectionSet) selectionSets.push(node.selectionSet);
    return this.completeObject(runtime, nodes, selectionSets, source, variables);
  }

  /** The fields selected on `type`, by response key; `owner` (the field's nodes at this place of the answer) keys the cache. */
  private fieldsOf(
    type: GraphQLObjectType,
    owner: object,
    selectionSets: readonly SelectionSetNode[],
    variables: ResultMap | undefined,
  ): FieldsByKey {
    if (this.conditional) return this.collect(type, selectionSets, variables);
    let byType = this.collected.get(owner);
    if (!byType) this.collected.set(owner, (byType = new Map()));
    let fields = byType.get(type.name);
    if (!fields) byType.set(type.name, (fields = this.collect(type, selectionSets, variables)));
    return fields;
  }

  private collect(
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    variables: ResultMap | undefined,
    fields: FieldsByKey = new Map(),
    visited = new Set<string>(),
  ): FieldsByKey {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if (!this.included(selection, variables)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const existing = fields.get(key);
          if (existing) existing.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, type))
            this.collect(type, [selection.selectionSet], variables, fields, visited);
        } else {
          const name = selection.name.value;
          const fragment = this.fragments[name];
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (this.applies(fragment.typeCondition.name.value, type))
            this.collect(type, [fragment.selectionSet], variables, fields, visited);
        }
      }
    }
    return fields;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType: GraphQLNamedType | undefined | null = this.schema.getType(condition);
    return isAbstract(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private included(
    node: Parameters<typeof getDirectiveValues>[1],
    variables: ResultMap | undefined,
  ): boolean {
    if (!this.conditional || !node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  }
}
