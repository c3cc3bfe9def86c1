import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsRows } from './pagination';

/** The resolve info of the first field of `query`'s first operation, as graphql-js would pass it. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const field = operation?.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new Error('the query starts with a field');
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('a connection selection', () => {
  it('reads no rows when it asks for the count alone', () => {
    expect(selectsRows(infoOf('{ budgetProjects(first: 1) { totalCount } }'))).toBe(false);
    expect(selectsRows(infoOf('{ budgetProjects { __typename totalCount } }'))).toBe(false);
    expect(selectsRows(infoOf('{ budgetProjects { ... on BudgetProjectConnection { totalCount } } }'))).toBe(
      false,
    );
    expect(selectsRows(infoOf('{ budgetProjects { ...count } } fragment count on X { totalCount }'))).toBe(
      false,
    );
  });

  it('reads rows as soon as anything else is asked, through fragments and directives too', () => {
    expect(selectsRows(infoOf('{ budgetProjects { totalCount edges { cursor } } }'))).toBe(true);
    expect(selectsRows(infoOf('{ budgetProjects { pageInfo { hasNextPage } } }'))).toBe(true);
    expect(selectsRows(infoOf('{ budgetProjects { ... on X { edges { node { id } } } } }'))).toBe(true);
    expect(
      selectsRows(
        infoOf('{ budgetProjects { ...rows } } fragment rows on X { totalCount edges { cursor } }'),
      ),
    ).toBe(true);
    expect(
      selectsRows(
        infoOf('query($all: Boolean!) { budgetProjects { totalCount edges @include(if: $all) { cursor } } }'),
      ),
    ).toBe(true);
  });
});
