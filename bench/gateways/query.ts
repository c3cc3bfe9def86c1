/** The public benchmark's deep query: every user's and top product's reviews, three levels down. */
export const TEST_QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery { users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } } topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } }`;

/** The request body every client sends when requests are identical. */
export const IDENTICAL_BODY = JSON.stringify({ query: TEST_QUERY, operationName: 'TestQuery' });

/**
 * A body with an unused variable of its own: the query and answer are unchanged, but no two
 * bodies are equal, so no gateway can share one execution between concurrent requests.
 */
export function uniqueBody(nonce: string): string {
  return JSON.stringify({ query: TEST_QUERY, operationName: 'TestQuery', variables: { nonce } });
}
