import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { PlaceFilter, SEARCH_DESCRIPTION } from '#platform/exploring';
import { OrderByInput } from '#platform/ordering';
import { WasteStream } from '../../waste-stream';
import { WasteStationCategory, WasteStationStatus } from './station.entity';

/** A container above this level is treated as full when the caller gives no `maxFillingLevel`. */
export const DEFAULT_MAX_FILLING_LEVEL = 0.9;

@InputType('WasteStationFilter', { description: 'Every condition given must hold.' })
export class WasteStationFilter extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: '1 to 20.' })
  arrondissement?: number | null;

  @Field(() => String, { nullable: true, description: `${SEARCH_DESCRIPTION} Over the name and address.` })
  search?: string | null;

  @Field(() => WasteStationCategory, { nullable: true })
  category?: WasteStationCategory | null;

  @Field(() => WasteStationStatus, { nullable: true })
  status?: WasteStationStatus | null;

  @Field(() => WasteStream, {
    nullable: true,
    description: 'Stations that take this stream, whatever their fill level.',
  })
  accepts?: WasteStream | null;

  @Field(() => WasteStream, {
    nullable: true,
    description: `Stations with free capacity for this stream: a container of it whose observed fill level is at most \`maxFillingLevel\` (${DEFAULT_MAX_FILLING_LEVEL} by default). Containers without a sensor never match.`,
  })
  hasCapacityFor?: WasteStream | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'With `hasCapacityFor`: how full (0–1) that container may be. Alone: how full the fullest observed container of the station may be.',
  })
  maxFillingLevel?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Stations with a container at least this full (0–1): what needs collecting.',
  })
  minFillingLevel?: number | null;
}

export enum WasteStationOrderField {
  ID = 'ID',
  NAME = 'NAME',
  ARRONDISSEMENT = 'ARRONDISSEMENT',
  CATEGORY = 'CATEGORY',
  DISTANCE = 'DISTANCE',
  RELEVANCE = 'RELEVANCE',
}

registerEnumType(WasteStationOrderField, {
  name: 'WasteStationOrderField',
  description: 'DISTANCE needs `filter.near`, RELEVANCE `filter.search`.',
});

export const WasteStationOrder = OrderByInput(WasteStationOrderField, 'WasteStationOrder');
export type WasteStationOrder = InstanceType<typeof WasteStationOrder>;
