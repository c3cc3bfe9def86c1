import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import { DEFAULT_MAX_FILLING_LEVEL } from '../station/station.input';
import type { BaseContext } from '#platform/context';
import type { LoggedEvent } from '#platform/events/log';
import { eventPosition } from '#platform/events/position';
import { eventLogSubscription } from '#platform/events/subscribe';
import { WasteStation } from '../station/station.entity';
import { stationById } from '../station/station.loader';
import { containersByStation } from '../container/container.loader';
import {
  WasteStationAlert,
  WasteStationAlertArgs,
  WasteStationEvent,
  WasteStationEventArgs,
  type StationEventPayload,
} from './station-event.entity';
import {
  STATION_POSITION_FIELD,
  STATION_STREAM,
  stationAlertFilter,
  stationEventFilter,
} from './station-event.service';

function toEvent(event: LoggedEvent<StationEventPayload>): WasteStationEvent {
  const { payload } = event;
  return {
    eventId: event.position.toString(),
    stationId: payload.stationId,
    kind: payload.kind,
    stream: payload.stream,
    fillingLevel: payload.fillingLevel,
    observedAt: new Date(payload.observedAt),
  };
}

@Resolver(() => WasteStationEvent)
export class StationEventResolver {
  @Query(() => ID, {
    name: STATION_POSITION_FIELD,
    description:
      'The position of the waste live feeds (`wasteStationUpdated`, `wasteStationAlert`, `wasteAlertCountChanged`) when this query was answered. Ask for it in the same query as the state you show (e.g. `wasteStations`, `wasteAlertCounts`): it is read before the rest of the query, so subscribing with `after` set to it misses nothing; an event the state already reflects may come again, so apply events idempotently.',
  })
  position(@Ctx() context: BaseContext): Promise<string> {
    return eventPosition(context, STATION_STREAM);
  }

  @Subscription(() => WasteStationEvent, {
    description:
      'Every change of the stations chosen (all, one station, or one arrondissement), durable and resumable with `after`.',
    subscribe: eventLogSubscription(STATION_STREAM, stationEventFilter),
  })
  wasteStationUpdated(
    @Root() event: LoggedEvent<StationEventPayload>,
    @Args(() => WasteStationEventArgs) _args: WasteStationEventArgs,
  ): WasteStationEvent {
    return toEvent(event);
  }

  @Subscription(() => WasteStationAlert, {
    description: `Containers whose level rises to \`threshold\` or past it (default ${DEFAULT_MAX_FILLING_LEVEL}): time to send a truck.`,
    subscribe: eventLogSubscription(STATION_STREAM, stationAlertFilter),
  })
  wasteStationAlert(
    @Root() event: LoggedEvent<StationEventPayload>,
    @Args(() => WasteStationAlertArgs) args: WasteStationAlertArgs,
  ): WasteStationAlert {
    return { ...toEvent(event), threshold: args.threshold };
  }

  @FieldResolver(() => WasteStation)
  async station(
    @Root() event: WasteStationEvent,
    @Ctx() context: BaseContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WasteStation> {
    // The station's containers are read beside it, not after it: one round trip less per event.
    // Its resolvers await the same load, which reports a failure.
    if (readsContainers(info))
      containersByStation(context)
        .load(event.stationId)
        .catch(() => undefined);
    const station = await stationById(context).load(event.stationId);
    if (!station) throw new Error(`Station ${event.stationId} of event ${event.eventId} is gone`);
    return station;
  }
}

/** The station fields that read its containers (its state is theirs). */
const FROM_CONTAINERS = new Set(['containers', 'fillingLevel', 'dateLastFillingLevel', 'dateLastEmptying']);

function readsContainers(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some(
      (selection) => selection.kind === Kind.FIELD && FROM_CONTAINERS.has(selection.name.value),
    ),
  );
}
