import type { ExecutionResult } from 'graphql/index.js';

/**
 * One event of a subscription group, resolved and serialized once for all its subscribers: each
 * transport's bytes are built on first use and then written as they are to every socket. Only
 * graphql-ws adds something per subscriber, the `id` in front (see `nextMessagePrefix`).
 */
export class SharedEvent {
  private nextTail?: Buffer;
  private sseFrame?: Buffer;

  constructor(
    readonly position: bigint,
    /** The result as JSON, exactly as every subscriber receives it. */
    readonly json: string,
  ) {}

  static of(position: bigint, result: ExecutionResult): SharedEvent {
    return new SharedEvent(position, JSON.stringify(result));
  }

  get eventId(): string {
    return this.position.toString();
  }

  /** The end of a graphql-ws `next` message: `<payload>}` after the subscriber's own prefix. */
  get graphqlWsTail(): Buffer {
    return (this.nextTail ??= Buffer.from(`${this.json}}`));
  }

  /** The whole SSE event, the same for every subscriber: `id:` lets EventSource resume. */
  get sse(): Buffer {
    return (this.sseFrame ??= Buffer.from(`id: ${this.eventId}\nevent: next\ndata: ${this.json}\n\n`));
  }
}

/** `{"id":"<id>","type":"next","payload":` — what one graphql-ws subscriber puts before each payload. */
export function nextMessagePrefix(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}
