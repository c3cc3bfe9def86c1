import { startStandIn, standInEvent, type StandInSubscriber } from './fanout-stand-in';

/**
 * The floor of `bench/fanout.ts`, in its own process pinned to the gateway's core: the stand-in
 * writes each event to every subscriber it holds, with the same library (ws, Node's HTTP server),
 * the same bytes and one write per subscriber, and nothing else. Its CPU per delivery is what the
 * machine's system calls, Node's streams and ws's framing cost without a gateway; the gateway's
 * figure beside it tells what the gateway adds. Reports `url` once listening; answers `count`
 * with the subscribers it holds and `emit` (an event id) once the event is written to all.
 */
async function main(): Promise<void> {
  const subscribers = new Set<StandInSubscriber>();
  const standIn = await startStandIn((subscriber) => {
    subscribers.add(subscriber);
    subscriber.onClose(() => subscribers.delete(subscriber));
  });
  process.send?.({ url: standIn.url });
  process.on('message', (message: { count?: boolean; emit?: string }) => {
    if (message.count) process.send?.({ subscribers: subscribers.size });
    if (message.emit === undefined) return;
    const event = standInEvent(message.emit);
    for (const subscriber of subscribers) subscriber.deliver(event);
    process.send?.({ emitted: message.emit });
  });
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) });
});
