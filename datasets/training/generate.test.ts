import { describe, expect, it } from 'vitest';
import { MIN_STARTUPS } from '../identifiers';
import { generateTraining } from './generate';
import { BROCHURE, CALLS } from './reference';

describe('the ParisCode generator', () => {
  const rows = generateTraining({ seed: 7, scale: 1 });

  it('gives the same rows for the same seed and scale, and other rows for another seed', () => {
    expect(generateTraining({ seed: 7, scale: 1 }).checksum).toBe(rows.checksum);
    const other = generateTraining({ seed: 8, scale: 1 });
    expect(other.checksum).not.toBe(rows.checksum);
    expect(other.courses.map((course) => course.title)).not.toEqual(
      rows.courses.map((course) => course.title),
    );
  });

  it("funds each call's places exactly and shares its €1 M budget among its courses", () => {
    for (const call of CALLS) {
      const courses = rows.courses.filter((course) => course.year === call.year);
      expect(courses.reduce((sum, course) => sum + course.places, 0)).toBe(call.places);
      expect(courses.reduce((sum, course) => sum + course.fundingEuros, 0)).toBe(BROCHURE.callBudgetEuros);
      const cohorts = rows.cohorts.filter((cohort) =>
        courses.some((course) => course.id === cohort.courseId),
      );
      expect(cohorts.reduce((sum, cohort) => sum + cohort.places, 0)).toBe(call.places);
    }
    expect(CALLS.filter((call) => call.year <= 2018).reduce((sum, call) => sum + call.places, 0)).toBe(3000);
  });

  it('keeps every cohort consistent and its success rate within the brochure 75–100 %', () => {
    for (const cohort of rows.cohorts) {
      expect(cohort.enrolled).toBeLessThanOrEqual(cohort.places);
      expect(cohort.completed).toBeLessThanOrEqual(cohort.enrolled);
      expect(cohort.certified).toBeLessThanOrEqual(cohort.completed);
      expect(cohort.endDate > cohort.startDate).toBe(true);
      expect(Number(cohort.startDate.slice(0, 4))).toBe(cohort.year);
      expect(cohort.successRate()).toBeGreaterThanOrEqual(BROCHURE.successRate.min);
      expect(cohort.successRate()).toBeLessThanOrEqual(BROCHURE.successRate.max);
    }
    const trainees = rows.cohorts.reduce((sum, cohort) => sum + cohort.enrolled, 0);
    expect(trainees / CALLS.length).toBeGreaterThan(900);
    expect(trainees / CALLS.length).toBeLessThan(1100);
  });

  it('raises exactly €1.3 M of sponsorship and points only at start-ups datacity guarantees', () => {
    expect(rows.sponsorships.reduce((sum, sponsorship) => sum + sponsorship.amountEuros, 0)).toBe(
      BROCHURE.sponsorshipEuros,
    );
    const startupIds = [
      ...rows.sponsors.flatMap((sponsor) => (sponsor.startupId ? [sponsor.startupId] : [])),
      ...rows.hires.map((hire) => hire.startupId),
    ];
    expect(startupIds.length).toBeGreaterThan(0);
    for (const id of startupIds) {
      const index = Number(/^startup-(\d{3})$/.exec(id)?.[1]);
      expect(index).toBeGreaterThanOrEqual(1);
      expect(index).toBeLessThanOrEqual(MIN_STARTUPS);
    }
    for (const cohort of rows.cohorts) {
      const hired = rows.hires
        .filter((hire) => hire.cohortId === cohort.id)
        .reduce((sum, hire) => sum + hire.trainees, 0);
      expect(hired).toBeLessThanOrEqual(cohort.employedWithin6Months);
    }
  });

  it('multiplies places, budgets and sponsorship by the scale', () => {
    const doubled = generateTraining({ seed: 7, scale: 2.5 });
    expect(doubled.courses.reduce((sum, course) => sum + course.places, 0)).toBe(4300 * 2.5);
    expect(doubled.sponsorships.reduce((sum, sponsorship) => sum + sponsorship.amountEuros, 0)).toBe(
      1_300_000 * 2.5,
    );
    expect(doubled.calls.every((call) => call.budgetEuros === 2_500_000)).toBe(true);
    expect(doubled.courses.length).toBeGreaterThan(rows.courses.length * 2);
  });

  it('refuses a scale or seed it cannot honour', () => {
    expect(() => generateTraining({ seed: 7, scale: 0 })).toThrow(/scale/);
    expect(() => generateTraining({ seed: 7, scale: Number.NaN })).toThrow(/scale/);
    expect(() => generateTraining({ seed: 7, scale: 1000 })).toThrow(/at most 100/);
    expect(() => generateTraining({ seed: 1.5, scale: 1 })).toThrow(/seed/);
  });
});
