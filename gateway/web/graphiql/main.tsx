// GraphiQL as the gateway serves it: bundled with its editor, so it works without internet.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

interface ExampleOperation {
  name: string;
  query: string;
}

const operations = JSON.parse(
  document.getElementById('ocg-operations')?.textContent ?? '[]',
) as ExampleOperation[];

const http = new URL('/graphql', location.href);
const ws = new URL(http);
ws.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';

// With `subscriptionUrl` each subscription opens its own graphql-ws client whose connectionParams
// are the header editor's headers: an `x-api-key` typed there authenticates subscriptions too.
const send = createGraphiQLFetcher({ url: http.href, subscriptionUrl: ws.href });
// The header editor starts with an empty `x-api-key` to show where a key goes; empty values are
// not sent, so an anonymous caller stays anonymous instead of presenting an invalid key.
const fetcher: Fetcher = (params, options) =>
  send(params, {
    ...options,
    headers: Object.fromEntries(Object.entries(options?.headers ?? {}).filter(([, value]) => value !== '')),
  });

const headers = JSON.stringify({ 'x-api-key': '' }, null, 2);

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={headers}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="headers"
      defaultTabs={
        operations.length > 0
          ? operations.map((operation) => ({ query: operation.query, headers }))
          : undefined
      }
    />,
  );
}
