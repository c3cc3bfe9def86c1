import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** A limit's refusal: a 400 with the limit's own code, pointing at the offending node. */
export function refusal(
  message: string,
  code: string,
  nodes?: OperationDefinitionNode | FieldNode,
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, http: { status: 400 } } });
}

export type Fragments = Record<string, FragmentDefinitionNode | undefined>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
