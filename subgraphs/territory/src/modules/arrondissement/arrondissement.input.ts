import { ArgsType, Field, Float } from 'type-graphql';

@ArgsType()
export class PointArgs {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}
