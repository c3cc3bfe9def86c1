import { badInput } from '#platform/errors';

/** ParisCode years are calendar years; anything that is not a plausible one is a caller's mistake. */
export function validateYear(year: number | null | undefined, argument = 'year'): void {
  if (year === null || year === undefined) return;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw badInput(`\`${argument}\` must be a year such as 2017 (got ${year})`, argument);
  }
}
