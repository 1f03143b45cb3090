import type { SQSClient } from '@aws-sdk/client-sqs';
import { messageCounts } from '../moto/messageCounts';
import { deadLetterChange } from './formatSession';

/** How often the dead-letter queue is counted at most, unless a count is asked for now. */
const POLL_MS = 1_000;

/** Counts the dead-letter queue now and then, printing each change (arrivals with the redrive command). */
export function createDeadLetterWatch(options: {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly stackName: string;
  readonly print: (line: string) => void;
}) {
  let count = 0;
  let lastPollMs = 0;
  const check = async (now = false) => {
    if (!now && Date.now() - lastPollMs < POLL_MS) return count;
    lastPollMs = Date.now();
    const { visible, inFlight } = await messageCounts(options.sqs, options.queueUrl);
    if (visible + inFlight !== count)
      options.print(deadLetterChange(count, visible + inFlight, options.stackName));
    count = visible + inFlight;
    return count;
  };
  return {
    /** Counts (at most once a second, or `now`) and resolves to the latest count; the last known if moto is gone. */
    check: (now?: boolean) => check(now).catch(() => count),
  };
}
