import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ReceivedMessage, SimulatedQueue } from './simulatedQueue';
import type { VirtualClock } from './virtualClock';

/**
 * Lambda's SQS event source mapping over a simulated queue: it gathers up to `batchSize` visible messages,
 * waiting at most `batchWindowSeconds` from the first ("the maximum amount of time to gather records before
 * invoking the function"), runs at most `maxConcurrency` invocations at once, and applies the partial batch
 * response: the records named in `batchItemFailures` fail, the others are deleted; a throw fails them all
 * (Lambda developer guide, "Implementing partial batch responses").
 * Simplified: one batching window is open at a time (the next opens at the receive that closes it), where
 * Lambda's several pollers gather batches side by side; receives take the oldest visible messages first.
 */
export interface EventSourceSettings {
  readonly batchSize: number;
  readonly batchWindowSeconds: number;
  readonly maxConcurrency: number;
  readonly functionTimeoutSeconds: number;
  /** Time an invocation spends before the handler runs (Lambda's own overhead). @default 20 */
  readonly invocationOverheadMs?: number;
}

export type SimulatedHandler = (
  event: SQSEvent,
  context: { getRemainingTimeInMillis(): number },
) => Promise<SQSBatchResponse>;

export interface EventSourceCounts {
  invocations: number;
  /** Records handed to the function, receives that is. */
  records: number;
  failedRecords: number;
  handlerErrors: number;
  busiestConcurrency: number;
}

export const SIMULATED_QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:SimulatedImportTrigger-ingest';

/** A received message as the event source puts it in the event. */
export function toSqsRecord(message: ReceivedMessage): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAtMs),
      SenderId: 'AROAEXAMPLESENDERID:S3-PROD-END',
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAtMs),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: SIMULATED_QUEUE_ARN,
    awsRegion: 'us-east-1',
  };
}

/** Starts polling `queue` for `handler`; the clock's `run` then drives everything. */
export function startEventSource(
  clock: VirtualClock,
  queue: SimulatedQueue,
  settings: EventSourceSettings,
  handler: SimulatedHandler,
): EventSourceCounts {
  const counts: EventSourceCounts = {
    invocations: 0,
    records: 0,
    failedRecords: 0,
    handlerErrors: 0,
    busiestConcurrency: 0,
  };
  let running = 0;
  let windowEndsAtMs: number | undefined;
  let windowWakeAtMs: number | undefined;

  const invoke = async (messages: ReceivedMessage[]) => {
    const startedAtMs = clock.now();
    await clock.sleep(settings.invocationOverheadMs ?? 20);
    const timeoutMs = settings.functionTimeoutSeconds * 1000;
    const context = { getRemainingTimeInMillis: () => Math.max(0, startedAtMs + timeoutMs - clock.now()) };
    let failed: Set<string>;
    try {
      const response = await handler({ Records: messages.map(toSqsRecord) }, context);
      failed = new Set(response.batchItemFailures.map(({ itemIdentifier }) => itemIdentifier));
    } catch {
      counts.handlerErrors += 1;
      failed = new Set(messages.map(({ messageId }) => messageId));
    }
    for (const message of messages) {
      if (failed.has(message.messageId)) queue.fail(message.receiptHandle);
      else queue.delete(message.receiptHandle);
    }
    counts.failedRecords += failed.size;
    running -= 1;
    poll();
  };

  function poll(): void {
    while (running < settings.maxConcurrency) {
      const visible = queue.visibleCount();
      if (visible === 0) {
        windowEndsAtMs = undefined;
        return;
      }
      windowEndsAtMs ??= clock.now() + settings.batchWindowSeconds * 1000;
      if (visible < settings.batchSize && clock.now() < windowEndsAtMs) {
        if (windowWakeAtMs !== windowEndsAtMs) clock.at(windowEndsAtMs, poll);
        windowWakeAtMs = windowEndsAtMs;
        return;
      }
      windowEndsAtMs = undefined;
      const messages = queue.receive(settings.batchSize);
      running += 1;
      counts.invocations += 1;
      counts.records += messages.length;
      counts.busiestConcurrency = Math.max(counts.busiestConcurrency, running);
      void invoke(messages);
    }
  }

  queue.onVisible(poll);
  return counts;
}
