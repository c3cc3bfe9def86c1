import type { ExportColumn, ExportFilter } from '#platform/exports/definition';

/** `?arrondissement=` is refused with the same rule as the GraphQL filters (1–20). */
export function validateArrondissementParameter(value: number | string | boolean): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20
    ? undefined
    : '`arrondissement` must be an arrondissement code from 1 to 20';
}

/**
 * A parameter of a computed dataset: its `compute` receives the validated value and filters
 * itself, so the parameter adds no SQL condition.
 */
export function computedParameter(
  name: string,
  type: ExportFilter['type'],
  validate?: ExportFilter['validate'],
): ExportFilter {
  return { name, type, condition: 'true', validate };
}

/** A text parameter that must be one of an enumeration's values, as the GraphQL enum is. */
export function oneOfParameter(
  name: string,
  values: readonly string[],
): NonNullable<ExportFilter['validate']> {
  return (value) =>
    values.includes(String(value)) ? undefined : `\`${name}\` is one of ${values.join(', ')}`;
}

/** A column of a computed dataset: its rows carry the value under the column's own name. */
export function computedColumn(name: string, type: ExportColumn['type'], description: string): ExportColumn {
  return { name, sql: name, type, description };
}

/** The provenance column every dataset carries, as its rows record it. */
export function provenanceColumn(sql: string): ExportColumn {
  return { name: 'provenance', sql, type: 'text', description: 'OPEN_DATA, REFERENCE or GENERATED' };
}

/** The arrondissement a row lies in, as a column. */
export function arrondissementColumn(sql: string): ExportColumn {
  return { name: 'arrondissement', sql, type: 'integer', description: 'Arrondissement, 1 to 20' };
}

/** `?arrondissement=`, checked as the GraphQL filters check it, on the column `sql`. */
export function arrondissementFilter(sql: string): ExportFilter {
  return {
    name: 'arrondissement',
    type: 'integer',
    condition: `${sql} = $1`,
    validate: validateArrondissementParameter,
  };
}
