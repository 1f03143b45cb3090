import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { type MessageCounts, messageCounts } from '../../support/messageCounts';

const POLL_INTERVAL_MS = 250;

/**
 * Waits until the queue holds no message at all (none visible, none in flight) or the time is up, and
 * returns the last counts either way, so a caller can report what was left rather than only that it was.
 */
export async function waitUntilDrained(
  sqs: SQSClient,
  queueUrl: string,
  timeoutMs: number,
): Promise<MessageCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await messageCounts(sqs, queueUrl);
    if ((counts.visible === 0 && counts.inFlight === 0) || Date.now() >= deadline) return counts;
    await sleep(POLL_INTERVAL_MS);
  }
}
