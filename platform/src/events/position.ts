import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { BaseContext } from '../context';
import { streamPosition } from './log';

/**
 * A subgraph's root query fields that answer a stream's position (`wasteEventPosition`…), each
 * with its stream: a client asks for one in the same query as the state it shows, then subscribes
 * with `after` set to it.
 */
export type EventPositionFields = Readonly<Record<string, string>>;

/** The positions read for a request before it executed, by stream. */
const readFirst = new WeakMap<object, Map<string, string>>();

/** The streams whose position fields the operation selects at its root (through fragments too). */
function selectedStreams(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  fields: EventPositionFields,
  streams = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const stream = Object.hasOwn(fields, selection.name.value) ? fields[selection.name.value] : undefined;
      if (stream) streams.add(stream);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectedStreams(document, selection.selectionSet, fields, streams);
    } else {
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        selectedStreams(document, fragment.selectionSet, fields, streams);
    }
  }
  return streams;
}

/**
 * Run by the subgraph before it executes a query: reads the position of every stream whose
 * position field the query selects, before any resolver reads the state beside it. Sibling root
 * fields run concurrently, so a position read by its own resolver could come after the state
 * (an event committed in between would be in neither the state nor the events after the
 * position). Read first, an event committed in between is both in the state and after the
 * position: the client receives it again and applies it idempotently (a level set, a count set).
 * The gateway sends one subgraph's root fields of a query in one request, and its response
 * cache keeps the position and the state in one answer, so they stay paired there too.
 */
export function readEventPositionsFirst(fields: EventPositionFields) {
  return async (document: DocumentNode, operation: OperationDefinitionNode, context: BaseContext) => {
    if (operation.operation !== 'query') return;
    const streams = selectedStreams(document, operation.selectionSet, fields);
    if (streams.size === 0) return;
    const positions = new Map<string, string>();
    for (const stream of streams) positions.set(stream, await streamPosition(context.db.manager, stream));
    readFirst.set(context, positions);
  };
}

/** A position field's resolver: the position read before the query ran (read now only if it was not). */
export async function eventPosition(context: BaseContext, stream: string): Promise<string> {
  return readFirst.get(context)?.get(stream) ?? streamPosition(context.db.manager, stream);
}
