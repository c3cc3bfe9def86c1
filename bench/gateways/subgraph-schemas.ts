import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  USERS,
  inStock,
  productByUpc,
  reviewById,
  reviewsByAuthor,
  reviewsByProduct,
  shippingEstimate,
  topProducts,
  userById,
  type Review,
} from './data';

/** The four subgraphs of the public benchmark shape, in Federation 2 SDL with their resolvers. */
export const BENCH_SUBGRAPH_NAMES = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type BenchSubgraphName = (typeof BENCH_SUBGRAPH_NAMES)[number];

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(imports)})`;

const SDL: Record<BenchSubgraphName, string> = {
  accounts: `${link(['@key', '@shareable'])}
    type Query { me: User user(id: ID!): User users: [User] }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`,
  inventory: `${link(['@key', '@external', '@requires'])}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `${link(['@key'])}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  reviews: `${link(['@key', '@external', '@provides'])}
    type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
};

type Ref<K extends string> = Record<K, string>;
type PricedProduct = { upc: string; price?: number | null; weight?: number | null };

const RESOLVERS: Record<BenchSubgraphName, GraphQLResolverMap> = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: Ref<'id'>) => userById.get(id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: ({ id }: Ref<'id'>) => userById.get(id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (product: PricedProduct) => ({ ...product, inStock: inStock(product.upc) }),
      shippingEstimate: (product: PricedProduct) => shippingEstimate(product.price, product.weight),
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => topProducts(first) },
    Product: { __resolveReference: ({ upc }: Ref<'upc'>) => productByUpc.get(upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: Ref<'id'>) => reviewById.get(id) ?? null,
      product: (review: Review) => ({ __typename: 'Product', upc: review.productUpc }),
      // @provides(fields: "username"): this subgraph answers the author's username itself.
      author: (review: Review) => ({
        __typename: 'User',
        id: review.authorId,
        username: userById.get(review.authorId)?.username,
      }),
    },
    User: {
      __resolveReference: ({ id }: Ref<'id'>) => ({ id }),
      reviews: ({ id }: Ref<'id'>) => reviewsByAuthor(id),
    },
    Product: {
      __resolveReference: ({ upc }: Ref<'upc'>) => ({ upc }),
      reviews: ({ upc }: Ref<'upc'>) => reviewsByProduct(upc),
    },
  },
};

export function benchSubgraphTypeDefs(name: BenchSubgraphName): DocumentNode {
  return parse(SDL[name]);
}

export function buildBenchSubgraphSchema(name: BenchSubgraphName): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: benchSubgraphTypeDefs(name), resolvers: RESOLVERS[name] }]);
}
