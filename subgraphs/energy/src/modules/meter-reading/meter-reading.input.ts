import { ArgsType, Field } from 'type-graphql';
import { badInput } from '#platform/errors';

/**
 * A time window over readings. A reading stands for the interval that ends at its `observedAt`,
 * so the window keeps the intervals that lie inside it: `from < observedAt <= to`.
 */
@ArgsType()
export class ReadingWindowArgs {
  @Field(() => Date, {
    nullable: true,
    description: 'Start of the window (exclusive for `observedAt`); absent: from the first reading.',
  })
  from?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'End of the window (inclusive for `observedAt`); absent: up to the last reading.',
  })
  to?: Date | null;
}

export interface ReadingWindow {
  from: Date | null;
  to: Date | null;
}

export function readingWindow(args: ReadingWindowArgs): ReadingWindow {
  const window = { from: args.from ?? null, to: args.to ?? null };
  if (window.from && window.to && window.from.getTime() >= window.to.getTime()) {
    throw badInput('`from` must be earlier than `to`', 'from');
  }
  return window;
}
