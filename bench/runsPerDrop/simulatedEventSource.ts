import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ReceivedMessage, SimulatedQueue } from './simulatedQueue';
import type { VirtualClock } from './virtualClock';

/**
 * Lambda's SQS event source mapping over a simulated queue: it gathers up to `batchSize` visible messages,
 * waiting at most `batchWindowSeconds` from the first ("the maximum amount of time to gather records before
 * invoking the function"), runs at most `maxConcurrency` invocations at once, and applies the partial batch
 * response: the records named in `batchItemFailures` fail, the others are deleted; a throw fails them all
 * (Lambda developer guide, "Implementing partial batch responses").
 * Each of the `maxConcurrency` environments gathers its own batch, as Lambda's pollers do side by side:
 * messages are received (in flight) as they turn visible, at most 10 per receive, into the emptiest open
 * batch; a batch is invoked once full or its window has passed. Receives take the oldest messages first.
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

interface GatheringSlot {
  state: 'gathering';
  readonly messages: ReceivedMessage[];
  readonly windowEndsAtMs: number;
}
type Slot = { state: 'idle' | 'running' } | GatheringSlot;

/** The most messages one ReceiveMessage call returns. */
const RECEIVE_LIMIT = 10;

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
  // One slot per environment maxConcurrency allows: idle, gathering a batch (its messages already received,
  // so in flight), or running the function on one.
  const slots: Slot[] = Array.from({ length: settings.maxConcurrency }, () => ({ state: 'idle' }));
  const running = () => slots.filter((slot) => slot.state === 'running').length;

  const invoke = async (slot: Slot, messages: readonly ReceivedMessage[]) => {
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
    slot.state = 'idle';
    poll();
  };

  /**
   * Hands visible messages to gathering slots, up to 10 per receive (SQS's limit): an idle environment
   * starts a batch when every open one already holds messages, else the emptiest open batch takes them.
   */
  const gather = () => {
    while (queue.visibleCount() > 0) {
      const open = slots
        .filter((slot): slot is GatheringSlot => slot.state === 'gathering')
        .filter((slot) => slot.messages.length < settings.batchSize)
        .sort((a, b) => a.messages.length - b.messages.length);
      const idle = slots.find((slot) => slot.state === 'idle');
      if (idle && !open.some((slot) => slot.messages.length === 0)) {
        const windowEndsAtMs = clock.now() + settings.batchWindowSeconds * 1000;
        Object.assign(idle, { state: 'gathering', messages: [], windowEndsAtMs });
        clock.at(windowEndsAtMs, poll);
        continue;
      }
      const emptiest = open[0];
      if (!emptiest) return;
      const room = settings.batchSize - emptiest.messages.length;
      emptiest.messages.push(...queue.receive(Math.min(RECEIVE_LIMIT, room)));
    }
  };

  function poll(): void {
    gather();
    for (const slot of slots) {
      if (slot.state !== 'gathering') continue;
      const full = slot.messages.length >= settings.batchSize;
      if (!full && clock.now() < slot.windowEndsAtMs) continue;
      const { messages } = slot;
      if (messages.length === 0) {
        Object.assign(slot, { state: 'idle' });
        continue;
      }
      Object.assign(slot, { state: 'running' });
      counts.invocations += 1;
      counts.records += messages.length;
      counts.busiestConcurrency = Math.max(counts.busiestConcurrency, running());
      void invoke(slot, messages);
    }
  }

  queue.onVisible(poll);
  return counts;
}
