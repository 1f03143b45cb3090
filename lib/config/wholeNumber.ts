import { z } from 'zod';

/** A whole number in [min, max]; one message, naming the range and the input, for every way it can be wrong. */
export function wholeNumberIn(min: number, max: number) {
  const error = (issue: { input?: unknown }) =>
    `must be a whole number from ${min} to ${max} (got ${JSON.stringify(issue.input)})`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}
