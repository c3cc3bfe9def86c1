import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { composeSupergraph, type BuiltSubgraph } from '#platform/composition';
import { subgraphSdl } from '#platform/composition';
import { schedulePlan } from './plan-schedule';
import { planExecutor, type GatewayExecutor, type GatewayRequestContext } from './plan-execution';

// graphql-js as the Apollo packages load it (CommonJS): one copy for schemas and execution.
const { execute, getOperationAST, parse } = createRequire(__filename)('graphql') as typeof import('graphql');

// The public shape of federation gateway benchmarks, in small: users write reviews of products,
// whose stock and shipping estimate (@requires price and weight) live in a fourth subgraph.
const users = [
  { id: '1', name: 'Ada', username: 'ada' },
  { id: '2', name: 'Alan', username: 'alan' },
];
const products = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100 },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000 },
];
const reviews = [
  { id: 'r1', body: 'Love it', authorId: '1', upc: 'p1' },
  { id: 'r2', body: 'Too heavy', authorId: '2', upc: 'p2' },
  { id: 'r3', body: 'Sturdy', authorId: '2', upc: 'p1' },
];
const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports}])`;
const typeDefs = {
  accounts: `${link('"@key", "@shareable"')}
    type Query { users: [User] }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
  products: `${link('"@key"')}
    type Query { topProducts: [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  reviews: `${link('"@key", "@external", "@provides"')}
    type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
  inventory: `${link('"@key", "@external", "@requires"')}
    type Product @key(fields: "upc") {
      upc: String! price: Int @external weight: Int @external
      inStock: Boolean shippingEstimate: Int @requires(fields: "price weight")
    }`,
};
const reviewOut = (review: (typeof reviews)[number]) => ({
  ...review,
  product: { upc: review.upc },
  author: { id: review.authorId, username: users.find((user) => user.id === review.authorId)?.username },
});
const resolvers = {
  accounts: {
    Query: { users: () => users },
    User: { __resolveReference: ({ id }: { id: string }) => users.find((user) => user.id === id) },
  },
  products: {
    Query: { topProducts: () => products },
    Product: { __resolveReference: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc) },
  },
  reviews: {
    User: { reviews: ({ id }: { id: string }) => reviews.filter((r) => r.authorId === id).map(reviewOut) },
    Product: { reviews: ({ upc }: { upc: string }) => reviews.filter((r) => r.upc === upc).map(reviewOut) },
  },
  inventory: {
    Product: {
      __resolveReference: (product: { upc: string; price?: number; weight?: number }) => ({
        ...product,
        inStock: product.upc === 'p1',
        shippingEstimate: product.price === undefined ? null : Math.round((product.weight ?? 0) / 2),
      }),
    },
  },
};
type Name = keyof typeof typeDefs;
const subgraphs = Object.fromEntries(
  (Object.keys(typeDefs) as Name[]).map((name) => [
    name,
    buildSubgraphSchema({ typeDefs: parse(typeDefs[name]), resolvers: resolvers[name] as never }),
  ]),
) as Record<Name, GraphQLSchema>;
const supergraphSdl = composeSupergraph(
  (Object.keys(subgraphs) as Name[]).map(
    (name) => ({ name, sdl: subgraphSdl(subgraphs[name]) }) as unknown as BuiltSubgraph,
  ),
  Object.fromEntries((Object.keys(subgraphs) as Name[]).map((name) => [name, `http://${name}.test/graphql`])),
);
const supergraph = Supergraph.build(supergraphSdl);
const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();

const QUERY = parse(`
  query Reviews {
    topProducts { name reviews { body author { name } } }
    users { username reviews { product { name inStock shippingEstimate } } }
  }`);
const EXPECTED = {
  topProducts: [
    {
      name: 'Table',
      reviews: [
        { body: 'Love it', author: { name: 'Ada' } },
        { body: 'Sturdy', author: { name: 'Alan' } },
      ],
    },
    { name: 'Couch', reviews: [{ body: 'Too heavy', author: { name: 'Alan' } }] },
  ],
  users: [
    { username: 'ada', reviews: [{ product: { name: 'Table', inStock: true, shippingEstimate: 50 } }] },
    {
      username: 'alan',
      reviews: [
        { product: { name: 'Couch', inStock: false, shippingEstimate: 500 } },
        { product: { name: 'Table', inStock: true, shippingEstimate: 50 } },
      ],
    },
  ],
};

function planOf(document: DocumentNode) {
  return new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.apiSchema(), document));
}

/** Each subgraph executes the request it is sent, as its server would; `fail` makes one answer an error. */
function subgraphServers(fail?: Name) {
  const sent: { subgraph: Name; body: { query: string; variables: Record<string, unknown> } }[] = [];
  const post = vi.fn(async (url: URL, text: string) => {
    const subgraph = url.hostname.split('.')[0] as Name;
    const body = JSON.parse(text) as (typeof sent)[number]['body'];
    sent.push({ subgraph, body });
    if (subgraph === fail)
      return { status: 200, text: JSON.stringify({ errors: [{ message: 'down' }], data: null }) };
    const result = await execute({
      schema: subgraphs[subgraph],
      document: parse(body.query),
      variableValues: body.variables,
    });
    return { status: 200, text: JSON.stringify(result) };
  });
  return { post, sent };
}

function requestContext(document: DocumentNode, identity = { roles: ['public'] }) {
  return {
    document,
    operation: getOperationAST(document),
    schema: apiSchema,
    request: { operationName: undefined, variables: {} },
    context: { identity },
  } as unknown as GatewayRequestContext;
}

function executor(post: ReturnType<typeof subgraphServers>['post'], fallback: GatewayExecutor) {
  return planExecutor({
    supergraphSdl,
    subgraphUrl: (name) => `http://${name}.test/graphql`,
    post,
    headers: () => ({ 'x-ocg-identity': 'signed' }),
    signal: () => undefined,
    fallback,
  });
}

describe('the plan schedule', () => {
  it("asks each subgraph once per level: Apollo's 8 fetches become 7 requests", () => {
    const schedule = schedulePlan(planOf(QUERY));
    const services = schedule.map((level) => level.map((request) => request.serviceName).sort());
    expect(services).toEqual([
      ['accounts', 'products'],
      ['reviews'],
      ['accounts', 'inventory', 'products'],
      ['inventory'],
    ]);
    const reviewsRequest = schedule[1][0];
    expect(reviewsRequest.fetches.map((fetch) => fetch.entitiesField)).toEqual([
      '_entities__0',
      '_entities__1',
    ]);
    // The merged operation is one valid document for the reviews subgraph.
    expect(() => parse(reviewsRequest.operation)).not.toThrow();
    expect(reviewsRequest.operation).toContain('$representations__1: [_Any!]!');
  });
});

describe('the plan executor', () => {
  it('answers what a non-federated execution answers, with one request per subgraph and level', async () => {
    const { post, sent } = subgraphServers();
    const fallback = vi.fn<GatewayExecutor>();
    const result = await executor(post, fallback)(requestContext(QUERY));
    expect(result).toEqual({ data: EXPECTED });
    expect(JSON.stringify(result.data)).toBe(JSON.stringify(EXPECTED)); // field order too
    expect(fallback).not.toHaveBeenCalled();
    expect(sent).toHaveLength(7);
    // The same product under two reviews is asked for once.
    const shipping = sent.find((request) => request.body.query.includes('shippingEstimate'));
    expect(shipping?.body.variables.representations).toHaveLength(2);
  });

  it("hands an answer with a subgraph error to Apollo's executor, whose errors are the reference", async () => {
    const { post } = subgraphServers('inventory');
    const apolloAnswer = { errors: [], data: null } as unknown as Awaited<ReturnType<GatewayExecutor>>;
    const fallback = vi.fn<GatewayExecutor>(async () => apolloAnswer);
    expect(await executor(post, fallback)(requestContext(QUERY))).toBe(apolloAnswer);
    expect(fallback).toHaveBeenCalledOnce();
  });

  it("hands mutations and introspection to Apollo's executor without fetching", async () => {
    const { post } = subgraphServers();
    const fallback = vi.fn<GatewayExecutor>(async () => ({ data: {} }));
    await executor(post, fallback)(requestContext(parse('{ __schema { queryType { name } } }')));
    expect(fallback).toHaveBeenCalledOnce();
    expect(post).not.toHaveBeenCalled();
  });
});
