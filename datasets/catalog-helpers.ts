/** `?arrondissement=` is refused with the same rule as the GraphQL filters (1–20). */
export function validateArrondissementParameter(value: number | string | boolean): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20
    ? undefined
    : '`arrondissement` must be an arrondissement code from 1 to 20';
}
