import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../lambda/mapWithConcurrency';

/** Work whose calls finish only when released, counting how many run at once. */
function gatedWork() {
  const gates: (() => void)[] = [];
  const state = { inFlight: 0, most: 0 };
  const work = async (item: number) => {
    state.most = Math.max(state.most, ++state.inFlight);
    await new Promise<void>((resolve) => gates.push(resolve));
    state.inFlight--;
    return item * 10;
  };
  const releaseAll = async () => {
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { work, releaseAll, state };
}

describe('Function: mapWithConcurrency()', () => {
  it('runs at most `limit` calls at once and keeps the order of the results', async () => {
    // Prepare
    const { work, releaseAll, state } = gatedWork();

    // Act
    const results = mapWithConcurrency([1, 2, 3, 4, 5], 2, work);
    await releaseAll();

    // Assess
    expect(await results).toEqual([10, 20, 30, 40, 50]);
    expect(state.most).toBe(2);
  });

  it('starts every call at once when the limit allows', async () => {
    // Prepare
    const { work, releaseAll, state } = gatedWork();

    // Act
    const results = mapWithConcurrency([1, 2, 3], 10, work);
    await releaseAll();

    // Assess
    expect(await results).toEqual([10, 20, 30]);
    expect(state.most).toBe(3);
  });

  it('returns nothing for nothing', async () => {
    // Act / Assess
    expect(await mapWithConcurrency([], 4, async (item: number) => item)).toEqual([]);
  });
});
