import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * A stand-in for the gateway on loopback, inside a client process of `bench/fanout.ts`: it speaks
 * just enough graphql-ws and SSE to send each subscriber `frames` deliveries shaped like the fan-out
 * subscription's. The client process runs its own receive path through it before it connects to
 * the gateway, so that the first events it measures are not read by its interpreter: each point
 * forks new client processes, and cold, their one core read the first two events after a join
 * about twice as slowly as later ones.
 */
export interface Rehearsal {
  /** The stand-in's GraphQL URL, as the gateway's would be. */
  url: string;
  close(): Promise<void>;
}

/** A payload of the same shape and size as the gateway's, for a rehearsal event. */
function payload(eventId: number): string {
  return JSON.stringify({
    data: {
      wasteStationUpdated: {
        eventId: `rehearsal-${eventId}`,
        station: {
          id: 'TRILIB-00-0000',
          fillingLevel: 0.5,
          arrondissement: { name: 'Rehearsal', population: 100000 },
        },
      },
    },
  });
}

export async function startRehearsal(frames: number): Promise<Rehearsal> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let frame = 0; frame < frames; frame += 1)
      response.write(`event: next\ndata: ${payload(frame)}\n\n`);
    response.end();
  });
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string };
      if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
      if (message.type !== 'subscribe') return;
      for (let frame = 0; frame < frames; frame += 1)
        socket.send(`{"id":"${message.id}","type":"next","payload":${payload(frame)}}`);
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
