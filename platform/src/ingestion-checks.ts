import { badInput } from './errors';

/** Sensor, meter and server clocks drift a little; anything later than this ahead of us is refused. */
export const CLOCK_SKEW_MS = 60_000;
export const MAX_IDENTIFIER_LENGTH = 128;

/** A sender's idempotency id (`readingId`, `reportId`…): non-empty and bounded. */
export function validateIdentifier(value: string, argument: string): void {
  if (value.trim() === '' || value.length > MAX_IDENTIFIER_LENGTH) {
    throw badInput(
      `\`${argument}\` must be a non-empty id of at most ${MAX_IDENTIFIER_LENGTH} characters`,
      argument,
    );
  }
}

/** A measured instant: not in the future, give or take the clock skew. */
export function validatePast(date: Date, argument: string): void {
  if (date.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw badInput(`\`${argument}\` must not be in the future`, argument);
  }
}
