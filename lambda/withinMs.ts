/** Thrown when a step did not settle within its time budget. */
export class TimeBudgetError extends Error {
  override readonly name = 'TimeBudgetError';
}

/**
 * Settles as `promise` does, or rejects once `ms` have passed: a step that may hang (a network call whose
 * SDK retries) cannot eat the time the batch keeps to answer. The late promise is left to settle on its own.
 */
export function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TimeBudgetError(`${what} took longer than ${ms} ms`)),
      Math.max(0, ms),
    );
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
