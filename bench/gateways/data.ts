/**
 * The static data behind the four subgraphs of the public gateway benchmark shape
 * (The Guild's graphql-gateways-benchmark: 6 users, 9 products, reviews with lorem-ipsum bodies)
 * and behind the non-federated reference answer. Relations are consistent, unlike upstream's
 * (where every review is by user 1): review i is about product (i % 9) + 1 and written by user
 * (i % 6) + 1, so each product has 2 reviews and each user 3; the deep query's fan-out stays of
 * upstream's order (~85 KB answers).
 */
export interface User {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface Review {
  id: string;
  body: string;
  productUpc: string;
  authorId: string;
}

export const USERS: User[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: 1234567890 },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday: 1234567890 },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday: 1234567890 },
];

export const PRODUCTS: Product[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

/** The inventory subgraph's own data: whether each product (by upc) is in stock. */
const IN_STOCK = new Set(['1', '5', '6', '7', '9']);

const LOREM = [
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.',
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugit.',
  'Sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.',
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem.',
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga.',
];

export const REVIEWS: Review[] = Array.from({ length: 18 }, (_, i) => ({
  id: String(i + 1),
  body: LOREM[i % LOREM.length],
  productUpc: String((i % 9) + 1),
  authorId: String((i % 6) + 1),
}));

const byKey = <T, K extends keyof T>(items: T[], key: K) => new Map(items.map((item) => [item[key], item]));
export const userById = byKey(USERS, 'id');
export const productByUpc = byKey(PRODUCTS, 'upc');
export const reviewById = byKey(REVIEWS, 'id');

export const reviewsByAuthor = (id: string): Review[] => REVIEWS.filter((review) => review.authorId === id);
export const reviewsByProduct = (upc: string): Review[] =>
  REVIEWS.filter((review) => review.productUpc === upc);
export const inStock = (upc: string): boolean => IN_STOCK.has(upc);
export const topProducts = (first: number): Product[] => PRODUCTS.slice(0, first);

/** The inventory's rule, as upstream: free shipping above 1000, else half the weight. */
export function shippingEstimate(
  price: number | null | undefined,
  weight: number | null | undefined,
): number | null {
  if (price == null) return null;
  if (price > 1000) return 0;
  if (weight == null) return null;
  return Math.floor(weight / 2);
}
