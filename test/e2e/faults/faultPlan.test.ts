import { describe, expect, it } from 'vitest';
import { FAULTS, faultPlan } from './faultPlan';

const answers = (plan: (attempt: number) => unknown, calls: number) =>
  Array.from({ length: calls }, (_, attempt) => plan(attempt));

describe('Function: faultPlan()', () => {
  it('answers 405 to the first busy calls, then faults at about the given rate', () => {
    // Act
    const given = answers(faultPlan(42, { busyCalls: 2, faultProbability: 0.6 }), 2002);

    // Assess
    expect(given.slice(0, 2)).toEqual([{ status: 405 }, { status: 405 }]);
    const faulted = given.slice(2).filter((answer) => answer !== undefined).length;
    expect(faulted / 2000).toBeGreaterThan(0.55);
    expect(faulted / 2000).toBeLessThan(0.65);
    expect(new Set(given.slice(2).filter(Boolean))).toEqual(new Set(Object.values(FAULTS)));
  });

  it('gives the same answer to the same call of the same seed, whatever came before', () => {
    // Prepare
    const faults = { busyCalls: 0, faultProbability: 0.5 };

    // Act
    const first = answers(faultPlan(7, faults), 50);
    const again = faultPlan(7, faults);

    // Assess
    expect(again(37)).toEqual(first[37]);
    expect(answers(faultPlan(8, faults), 50)).not.toEqual(first);
  });

  it('answers 503 to every call during an outage, busy calls included', () => {
    // Prepare
    let now = 1_000;
    const plan = faultPlan(
      1,
      { busyCalls: 1, faultProbability: 0, outage: { from: 1_000, until: 2_000 } },
      () => now,
    );

    // Act
    const during = answers(plan, 3);
    now = 2_000;
    const after = plan(3);

    // Assess
    expect(during).toEqual([FAULTS['503'], FAULTS['503'], FAULTS['503']]);
    expect(after).toBeUndefined();
  });
});
