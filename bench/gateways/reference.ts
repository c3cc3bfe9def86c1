import { buildSchema, graphql } from 'graphql';
import {
  PRODUCTS,
  USERS,
  inStock,
  productByUpc,
  reviewsByAuthor,
  reviewsByProduct,
  shippingEstimate,
  topProducts,
  userById,
  type Product,
  type Review,
  type User,
} from './data';

const SCHEMA = buildSchema(`
  type Query { me: User user(id: ID!): User users: [User] topProducts(first: Int = 5): [Product] }
  type User { id: ID! name: String username: String birthday: Int reviews: [Review] }
  type Product { upc: String! name: String price: Int weight: Int inStock: Boolean shippingEstimate: Int reviews: [Review] }
  type Review { id: ID! body: String product: Product author: User }
`);

const userNode = (user: User | undefined) =>
  user && { ...user, reviews: () => reviewsByAuthor(user.id).map(reviewNode) };
const productNode = (product: Product | undefined) =>
  product && {
    ...product,
    inStock: inStock(product.upc),
    shippingEstimate: shippingEstimate(product.price, product.weight),
    reviews: () => reviewsByProduct(product.upc).map(reviewNode),
  };
const reviewNode = (review: Review) => ({
  id: review.id,
  body: review.body,
  product: () => productNode(productByUpc.get(review.productUpc)),
  author: () => userNode(userById.get(review.authorId)),
});

const ROOT = {
  me: () => userNode(USERS[0]),
  user: ({ id }: { id: string }) => userNode(userById.get(id)),
  users: () => USERS.map(userNode),
  topProducts: ({ first }: { first: number }) => topProducts(first ?? PRODUCTS.length).map(productNode),
};

/** The answer a gateway must give: the same data executed by one plain, non-federated schema. */
export async function referenceAnswer(query: string): Promise<string> {
  const result = await graphql({ schema: SCHEMA, source: query, rootValue: ROOT });
  if (result.errors)
    throw new Error(`reference execution failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return JSON.stringify({ data: result.data });
}

export type AnswerVerdict = 'ok' | 'non200' | 'errors' | 'mismatch' | 'unparsable';

/**
 * Judges one gateway answer against the reference JSON. Field order counts (GraphQL answers in
 * the query's order); formatting and top-level `extensions` do not.
 */
export function judgeAnswer(status: number, body: string, reference: string): AnswerVerdict {
  if (status !== 200) return 'non200';
  if (body === reference || body.trimEnd() === reference) return 'ok';
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'unparsable';
  }
  if (parsed.errors) return 'errors';
  return JSON.stringify({ data: parsed.data }) === reference ? 'ok' : 'mismatch';
}
