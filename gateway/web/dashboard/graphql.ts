// One-shot queries over HTTP, typed by the operations codegen writes from ./operations.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql/language/printer';

/** The platform's clock at its latest answer (its Date header), beside the page's monotonic clock. */
let platformClock: { date: number; at: number } | undefined;

/**
 * Now on the platform's clock, in ms since the epoch (the browser's until an answer came): a
 * position computed from a browser clock running ahead would be refused as in the future.
 */
export function platformNow(): number {
  return platformClock ? platformClock.date + (performance.now() - platformClock.at) : Date.now();
}

export async function query<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  // Written when the answer left, even for one the response cache kept: never older than that.
  const date = Date.parse(response.headers.get('date') ?? '');
  if (!Number.isNaN(date)) platformClock = { date, at: performance.now() };
  const body = (await response.json()) as { data?: TData; errors?: { message: string }[] };
  if (!body.data || body.errors?.length)
    throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}
