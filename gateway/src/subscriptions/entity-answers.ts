import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity } from '#platform/identity';

/** What tells the cache a subgraph has committed a change (the response cache's change notifications). */
export interface ChangeNotifications {
  onChange(listener: (subgraph: string) => void): void;
}

type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** Distinct fetches kept: an event stream's entity fetches repeat a handful of representations. */
const MAX_ENTRIES = 2000;

/** Only answers computed for the public role and no device are kept, as for the response cache. */
function isPublic(identity: Identity | undefined): boolean {
  return !!identity && identity.roles.length === 1 && identity.roles[0] === 'public' && !identity.devices;
}

/**
 * The answers of the fetches that resolve live events in subgraphs other than the event's own (an
 * arrondissement's name and population for every fill level of a station), kept until that
 * subgraph commits a change. An event then costs its one upstream frame, not another round trip
 * to territory. The event's own subgraph is never read from here: its change is the event, and
 * its notification may arrive after it. An answer fetched while a change arrived is not kept.
 */
export class EventEntityAnswers {
  private readonly entries = new Map<string, { subgraph: string; text: string }>();
  /**
   * Changes heard, per subgraph: an answer is kept only if its own subgraph did not change while
   * it was fetched. The event's own subgraph's notification arrives during its resolution.
   */
  private readonly generations = new Map<string, number>();

  constructor(changes: ChangeNotifications) {
    changes.onChange((subgraph) => this.changed(subgraph));
  }

  changed(subgraph: string): void {
    this.generations.set(subgraph, (this.generations.get(subgraph) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.subgraph === subgraph) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The answer of `fetch` for this request, kept or fetched; `fetched` says which. */
  async answer(
    subgraph: string,
    options: GraphQLDataSourceProcessOptions,
    fetch: () => Promise<Answer>,
  ): Promise<Answer> {
    const identity = (options.context as { identity?: Identity } | undefined)?.identity;
    if (!isPublic(identity)) return fetch();
    const key = JSON.stringify([subgraph, options.request.query, options.request.variables ?? null]);
    const kept = this.entries.get(key);
    // Parsed again for every event: the query plan's executor merges answers into its result in place.
    if (kept) return { data: JSON.parse(kept.text) as Answer['data'] };
    const startedAt = this.generations.get(subgraph);
    const answer = await fetch();
    if (startedAt === this.generations.get(subgraph) && !answer.errors && answer.data) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { subgraph, text: JSON.stringify(answer.data) });
    }
    return answer;
  }
}
