import { describe, expect, it } from 'vitest';
import { validateIdentifier, validatePast } from './ingestion-checks';
import { containsPattern } from './like';

describe('containsPattern', () => {
  it('matches the trimmed words anywhere and takes LIKE wildcards literally', () => {
    expect(containsPattern('  Data ')).toBe('%Data%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('ingestion checks', () => {
  it('refuses empty or overlong ids and names the argument', () => {
    expect(() => validateIdentifier('r-1', 'input.reportId')).not.toThrow();
    expect(() => validateIdentifier('  ', 'input.reportId')).toThrow(/input\.reportId/);
    expect(() => validateIdentifier('x'.repeat(129), 'input.reportId')).toThrow(/at most 128/);
  });

  it('accepts the past and a little clock skew, refuses the future', () => {
    expect(() => validatePast(new Date(Date.now() + 30_000), 'input.observedAt')).not.toThrow();
    expect(() => validatePast(new Date(Date.now() + 120_000), 'input.observedAt')).toThrow(/future/);
  });
});
