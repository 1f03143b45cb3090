/** SQS keeps a message at most 14 days, counted from when it was first sent, also in the dead-letter queue. */
export const QUEUE_RETENTION_SECONDS = 14 * 24 * 3600;

/** Retrying may use half the retention, so a drop that reaches the dead-letter queue stays there a week. */
export const MAX_RETRY_SPAN_SECONDS = QUEUE_RETENTION_SECONDS / 2;

/** The retry settings that decide how long a failing message keeps coming back. */
export interface RetrySettings {
  readonly maxReceiveCount: number;
  readonly retryBaseDelaySeconds: number;
  readonly retryMaxDelaySeconds: number;
}

/**
 * Longest time a message that always fails spends in the ingest queue before SQS moves it to the dead-letter
 * queue: one redelivery delay per receive, doubling from the base up to the cap (a server's Retry-After aside).
 */
export function worstCaseRetrySpanSeconds(settings: RetrySettings): number {
  const { maxReceiveCount, retryBaseDelaySeconds: base, retryMaxDelaySeconds: cap } = settings;
  let total = 0;
  for (let receive = 1; receive <= maxReceiveCount; receive++) {
    const delay = base * 2 ** (receive - 1);
    if (delay >= cap) return total + (maxReceiveCount - receive + 1) * cap;
    total += delay;
  }
  return total;
}
