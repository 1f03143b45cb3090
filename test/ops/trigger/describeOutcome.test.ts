import { describe, expect, it } from 'vitest';
import { describeOutcome } from '../../../scripts/ops/trigger/describeOutcome';

describe('Function: describeOutcome()', () => {
  it('says a trigger succeeded, with the status and Blueshift’s message', () => {
    expect(describeOutcome('uuid-a', { verdict: 'triggered', status: 200, message: 'ok', attempts: 1 })).toBe(
      'Triggered import uuid-a (triggered 200: ok) after 1 attempt(s).',
    );
  });

  it.each([
    [
      { verdict: 'unauthorized', status: 401, message: 'Not authorized', attempts: 2 },
      'put a valid User API key',
    ],
    [
      { verdict: 'rejected', status: 404, message: 'Error: Resource not found', attempts: 1 },
      'check the import UUID',
    ],
    [{ verdict: 'transient', message: 'no response within 10000 ms', attempts: 3 }, 'try again in a minute'],
  ] as const)('says what to do after %j', (outcome, advice) => {
    const line = describeOutcome('uuid-a', outcome);
    expect(line).toMatch(new RegExp(`^Not triggered: import uuid-a ${outcome.verdict}`));
    expect(line).toContain(advice);
  });
});
