import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { NearInput } from '#platform/geo';
import {
  AccompanimentCancellationReason,
  AccompanimentPurpose,
  AccompanimentStatus,
  AccompanimentTransportMode,
} from './accompaniment-request.entity';

@InputType('AccompanimentRequestFilter')
export class AccompanimentRequestFilter {
  @Field(() => Int, { nullable: true, description: 'Pickup arrondissement, 1–20.' })
  arrondissement?: number | null;

  @Field(() => AccompanimentStatus, { nullable: true })
  status?: AccompanimentStatus | null;

  @Field(() => AccompanimentPurpose, { nullable: true })
  purpose?: AccompanimentPurpose | null;

  @Field(() => NearInput, { nullable: true, description: 'Around the (approximate, ~200 m) pickup point.' })
  near?: NearInput | null;

  @Field(() => Date, { nullable: true, description: 'Requested for this instant or later.' })
  requestedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Requested for before this instant.' })
  requestedBefore?: Date | null;

  @Field(() => ID, { nullable: true })
  beneficiaryId?: string | null;

  @Field(() => ID, { nullable: true })
  volunteerId?: string | null;
}

@InputType('AccompanimentPickupInput', {
  description: 'Where to pick the person up, when it is not their home.',
})
export class AccompanimentPickupInput {
  @Field(() => Int)
  arrondissement: number;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType('RequestAccompanimentInput')
export class RequestAccompanimentInput {
  @Field(() => ID, {
    description:
      'A key the client chooses once per request: retrying with the same key returns the same request.',
  })
  clientRequestId: string;

  @Field(() => ID)
  beneficiaryId: string;

  @Field(() => AccompanimentPurpose)
  purpose: AccompanimentPurpose;

  @Field(() => AccompanimentTransportMode, { defaultValue: AccompanimentTransportMode.PUBLIC_TRANSPORT })
  transportMode: AccompanimentTransportMode;

  @Field(() => Date, { description: 'In the future, at most 180 days ahead.' })
  requestedFor: Date;

  @Field(() => Int, { defaultValue: 90, description: '15 to 480 minutes.' })
  durationMinutes: number;

  @Field(() => AccompanimentPickupInput, {
    nullable: true,
    description: "Defaults to the beneficiary's home.",
  })
  pickup?: AccompanimentPickupInput | null;
}

@InputType('CancelAccompanimentRequestInput')
export class CancelAccompanimentRequestInput {
  @Field(() => ID)
  id: string;

  @Field(() => AccompanimentCancellationReason)
  reason: AccompanimentCancellationReason;
}
