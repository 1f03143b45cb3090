import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../local/blueshift/blueshiftStandIn';
import { accountRuns } from './accountRuns';

const A = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const B = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';

const call = (uuid: string, at: number, response: RecordedCall['response']): RecordedCall => ({
  method: 'POST',
  path: '/api/v1/customer_attributes/trigger_import',
  headers: {},
  body: { uuid },
  at,
  response,
});
const run = (uuid: string, startedAtMs: number) => ({ uuid, startedAtMs, endsAtMs: startedAtMs + 1_000 });
const drop = (key: string, droppedAt: number, uuid = A) => ({ key, uuid, droppedAt });

describe('Function: accountRuns()', () => {
  it('counts runs, calls and 405s of the one import, and the span of its drop', () => {
    // Act
    const figures = accountRuns({
      uuid: A,
      drops: [drop('a/1', 1_000), drop('a/2', 3_500), drop('b/1', 9_000, B)],
      calls: [call(A, 1_100, 200), call(A, 1_600, 405), call(A, 3_600, 200), call(B, 9_100, 200)],
      runs: [run(A, 1_100), run(A, 3_600), run(B, 9_100)],
      deadLetterKeys: [],
    });

    // Assess
    expect(figures).toEqual({
      files: 2,
      spanSeconds: 2.5,
      runs: 2,
      calls: 3,
      busyAnswers: 1,
      coveredInDeadLetters: [],
      lost: [],
    });
  });

  it('names a dead-lettered file that a later run read, and a file no run read that is not dead-lettered', () => {
    // Act
    const figures = accountRuns({
      uuid: A,
      drops: [drop('a/covered', 1_000), drop('a/late', 5_000), drop('a/failed', 6_000)],
      calls: [],
      runs: [run(A, 2_000)],
      deadLetterKeys: ['a/covered', 'a/failed'],
    });

    // Assess
    expect(figures.coveredInDeadLetters).toEqual(['a/covered']);
    expect(figures.lost).toEqual(['a/late']);
  });
});
