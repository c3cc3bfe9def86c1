import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A stand-in for the gateway on loopback, for `bench/fanout.ts`: it speaks just enough graphql-ws
 * and SSE to take the fan-out subscription and write deliveries shaped like the gateway's, and
 * nothing else (no GraphQL, no upstream, no accounting). The client processes rehearse their
 * receive path against it (`fanout-rehearsal.ts`), and the floor writes through it
 * (`fanout-floor.ts`).
 */
export interface StandIn {
  /** Its GraphQL URL, as the gateway's would be. */
  url: string;
  close(): Promise<void>;
}

/** One event's bytes, built once and written to every subscriber, as the gateway does. */
export interface StandInEvent {
  /** The `payload` of a graphql-ws `next` message. */
  payload: Buffer;
  /** The whole SSE `next` event, the same for every subscriber. */
  sse: Buffer;
}

/** A subscriber the stand-in took: `deliver` writes one event to it. */
export interface StandInSubscriber {
  deliver(event: StandInEvent): void;
  /** Called once its connection has closed. */
  onClose(listener: () => void): void;
}

/** An event of the same shape and size as the gateway's fan-out payload. */
export function standInEvent(eventId: string): StandInEvent {
  const payload = JSON.stringify({
    data: {
      wasteStationUpdated: {
        eventId,
        station: {
          id: 'TRILIB-00-0000',
          fillingLevel: 0.5,
          arrondissement: { name: 'Stand-in', population: 100000 },
        },
      },
    },
  });
  return { payload: Buffer.from(payload), sse: Buffer.from(`event: next\ndata: ${payload}\n\n`) };
}

const NEXT_END = Buffer.from('}');

function overWebSocket(socket: WebSocket, id: string): StandInSubscriber {
  // The gateway's `next`: this prefix, the shared payload bytes and `}`, as one text frame.
  const prefix = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  return {
    deliver: (event) => socket.send(Buffer.concat([prefix, event.payload, NEXT_END]), { binary: false }),
    onClose: (listener) => socket.once('close', listener),
  };
}

function overSse(response: ServerResponse): StandInSubscriber {
  return {
    deliver: (event) => response.write(event.sse),
    onClose: (listener) => response.once('close', listener),
  };
}

/** Listens on loopback and hands every subscription it takes to `subscribed`. */
export async function startStandIn(subscribed: (subscriber: StandInSubscriber) => void): Promise<StandIn> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    subscribed(overSse(response));
  });
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string };
      if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
      if (message.type === 'subscribe' && message.id) subscribed(overWebSocket(socket, message.id));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets.clients) socket.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
