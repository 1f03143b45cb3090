import { setTimeout as sleep } from 'node:timers/promises';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { type MessageCounts, messageCounts } from './messageCounts';

const POLL_INTERVAL_MS = 250;
const STABLE_EMPTY_MS = 1000;

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
  // moto's approximate counts can read empty for a moment while a receive or a visibility change is under
  // way on a loaded machine: the queue counts as drained only when it reads empty for a whole second.
  let emptySince: number | undefined;
  for (;;) {
    const counts = await messageCounts(sqs, queueUrl);
    const empty = counts.visible === 0 && counts.inFlight === 0;
    emptySince = empty ? (emptySince ?? Date.now()) : undefined;
    if ((emptySince !== undefined && Date.now() - emptySince >= STABLE_EMPTY_MS) || Date.now() >= deadline)
      return counts;
    await sleep(POLL_INTERVAL_MS);
  }
}
