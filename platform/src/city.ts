import { registerEnumType } from 'type-graphql';
import { badInput } from './errors';

/** Paris has 20 arrondissements, coded 1–20 (INSEE 75101–75120). */
export const ARRONDISSEMENT_CODES = Array.from({ length: 20 }, (_, index) => index + 1);

/** Paris Centre: the 1st to 4th arrondissements, one sector since 2020 (postal pseudo-code 75123 in some exports). */
export const PARIS_CENTRE_CODES = [1, 2, 3, 4];

export function validateArrondissement(code: number | null | undefined, argument = 'arrondissement'): void {
  if (code === null || code === undefined) return;
  if (!Number.isInteger(code) || code < 1 || code > 20) {
    throw badInput(`\`${argument}\` must be an arrondissement code from 1 to 20 (got ${code})`, argument);
  }
}

export function inseeCode(arrondissement: number): string {
  return `751${String(arrondissement).padStart(2, '0')}`;
}

/**
 * The arrondissements a Paris postal or INSEE code designates: 75001–75020 and 75101–75120 one
 * each, 75116 the 16th, 75123 Paris Centre (1st–4th). Anything else (a suburb, a typo) -> [].
 */
export function arrondissementsOfPostalCode(code: string | null | undefined): number[] {
  const text = (code ?? '').trim();
  if (text === '75123') return [...PARIS_CENTRE_CODES];
  const match = /^75(0|1)(\d{2})$/.exec(text);
  if (!match) return [];
  const value = Number(match[2]);
  return value >= 1 && value <= 20 ? [value] : [];
}

/** Where a row comes from: the Ville de Paris's open data, the city's reference tables, or our seeded generators. */
export enum Provenance {
  OPEN_DATA = 'OPEN_DATA',
  REFERENCE = 'REFERENCE',
  GENERATED = 'GENERATED',
}

registerEnumType(Provenance, {
  name: 'Provenance',
  description:
    'OPEN_DATA: imported from opendata.paris.fr (ODbL); REFERENCE: published figures; GENERATED: synthetic, seeded and reproducible.',
});
