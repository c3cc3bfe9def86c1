import { Field, Float, Int, ObjectType } from 'type-graphql';
import { arrondissementReference } from '#platform/references';
import { WasteStream } from '../../waste-stream';
import { WasteStationCategory } from '../station/station.entity';

/** The territory subgraph's Arrondissement, to which this subgraph adds `wasteStations` and `waste`. */
export const Arrondissement = arrondissementReference();
export type Arrondissement = InstanceType<typeof Arrondissement>;

@ObjectType('WasteStationCategoryCount')
export class WasteStationCategoryCount {
  @Field(() => WasteStationCategory)
  category: WasteStationCategory;

  @Field(() => Int)
  stations: number;
}

@ObjectType('WasteStreamSummary', { description: 'The containers of one stream in an arrondissement.' })
export class WasteStreamSummary {
  @Field(() => WasteStream)
  stream: WasteStream;

  @Field(() => Int)
  containers: number;

  @Field(() => Int, { description: 'Containers whose fill level is observed (with a sensor).' })
  observedContainers: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean current fill level of the observed containers (0–1).',
  })
  averageFillingLevel: number | null;

  @Field(() => Int, {
    description: 'Observed containers fuller than 0.9, treated as full (no free capacity).',
  })
  fullContainers: number;
}

@ObjectType('ArrondissementWasteSummary', {
  description: 'Sorting infrastructure of an arrondissement and how full it is.',
})
export class ArrondissementWasteSummary {
  @Field(() => Int, { description: 'Every station, whatever its status.' })
  stations: number;

  @Field(() => Int)
  activeStations: number;

  @Field(() => [WasteStationCategoryCount])
  stationsByCategory: WasteStationCategoryCount[];

  @Field(() => [WasteStreamSummary], { description: 'One entry per stream present, in stream order.' })
  containers: WasteStreamSummary[];

  @Field(() => Float, {
    nullable: true,
    description: 'Mean current fill level of every observed container (0–1).',
  })
  averageFillingLevel: number | null;
}
