import { MinHeap } from './minHeap';
import type { VirtualClock } from './virtualClock';

/**
 * An SQS standard queue with a redrive policy, as far as the event source and the handler use it, following
 * AWS (not moto): a receive makes a message invisible for the queue's visibility timeout and counts it;
 * ChangeMessageVisibility counts the new timeout from the call ("the 10 seconds begin to count from the time
 * that you make the ChangeMessageVisibility call", SQS API Reference); only the newest receipt handle is
 * valid. Dead-lettering: SQS moves a message once its receives exceed `maxReceiveCount` ("moves messages
 * after the value of maxReceiveCount is exceeded"); the handler fails a message on its last receive with no
 * delay, so the simulation moves it on that failure rather than on a receive an instant later.
 */

/** A message as a receive hands it out. */
export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly sentAtMs: number;
  readonly firstReceivedAtMs: number;
  readonly receiveCount: number;
}

export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAtMs: number;
  receiveCount: number;
  firstReceivedAtMs?: number;
  visibleAtMs: number;
  receiptHandle?: string;
  deadLetteredAtMs?: number;
}

export interface QueueSettings {
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
}

export interface SimulatedQueue {
  send(body: string): string;
  /** Up to `max` visible messages, oldest sent first. */
  receive(max: number): ReceivedMessage[];
  /** Visible now. */
  visibleCount(): number;
  /** Throws as SQS does for a receipt handle that is not the message's newest, or a deleted message. */
  changeVisibility(receiptHandle: string, seconds: number): void;
  delete(receiptHandle: string): void;
  /** The consumer failed this receive: the message stays invisible as set, or moves to the DLQ on its last. */
  fail(receiptHandle: string): void;
  /** Messages still in the queue, visible or in flight. */
  readonly messages: ReadonlyMap<string, StoredMessage>;
  readonly deadLetters: readonly StoredMessage[];
  /** Called whenever a message may have become visible (sent, or its visibility ends). */
  onVisible(listener: () => void): void;
}

const MAX_VISIBILITY_SECONDS = 43_200;

interface VisibleAt {
  readonly atMs: number;
  readonly message: StoredMessage;
}

const oldestFirst = (a: StoredMessage, b: StoredMessage) =>
  a.sentAtMs - b.sentAtMs || (a.messageId < b.messageId ? -1 : 1);

export function createSimulatedQueue(clock: VirtualClock, settings: QueueSettings): SimulatedQueue {
  const messages = new Map<string, StoredMessage>();
  const byHandle = new Map<string, StoredMessage>();
  const deadLetters: StoredMessage[] = [];
  const listeners: (() => void)[] = [];
  // Visible messages, and the in-flight ones by the time they turn visible (stale entries skipped).
  const ready = new Set<StoredMessage>();
  const invisible = new MinHeap<VisibleAt>((a, b) => a.atMs < b.atMs);
  let sent = 0;
  // One wake per instant: a batch's records deferred together become visible together.
  const wakes = new Set<number>();
  const wake = (atMs: number) => {
    if (wakes.has(atMs)) return;
    wakes.add(atMs);
    clock.at(atMs, () => {
      wakes.delete(atMs);
      for (const listener of listeners) listener();
    });
  };
  const hide = (message: StoredMessage, atMs: number) => {
    message.visibleAtMs = atMs;
    invisible.push({ atMs, message });
    wake(atMs);
  };
  const refresh = () => {
    for (let next = invisible.peek(); next && next.atMs <= clock.now(); next = invisible.peek()) {
      invisible.pop();
      const { message, atMs } = next;
      if (messages.has(message.messageId) && message.visibleAtMs === atMs) ready.add(message);
    }
  };
  const current = (receiptHandle: string): StoredMessage => {
    const message = byHandle.get(receiptHandle);
    if (!message || message.receiptHandle !== receiptHandle || !messages.has(message.messageId)) {
      throw Object.assign(new Error(`receipt handle ${receiptHandle} is not valid`), {
        name: 'ReceiptHandleIsInvalid',
      });
    }
    return message;
  };
  return {
    messages,
    deadLetters,
    onVisible: (listener) => listeners.push(listener),
    send(body) {
      sent += 1;
      const messageId = `message-${String(sent).padStart(6, '0')}`;
      const message = { messageId, body, sentAtMs: clock.now(), receiveCount: 0, visibleAtMs: clock.now() };
      messages.set(messageId, message);
      ready.add(message);
      wake(clock.now());
      return messageId;
    },
    visibleCount() {
      refresh();
      return ready.size;
    },
    receive(max) {
      refresh();
      const chosen = [...ready].sort(oldestFirst).slice(0, max);
      return chosen.map((message) => {
        ready.delete(message);
        message.receiveCount += 1;
        message.firstReceivedAtMs ??= clock.now();
        message.receiptHandle = `${message.messageId}#${message.receiveCount}`;
        byHandle.set(message.receiptHandle, message);
        hide(message, clock.now() + settings.visibilityTimeoutSeconds * 1000);
        return {
          messageId: message.messageId,
          receiptHandle: message.receiptHandle,
          body: message.body,
          sentAtMs: message.sentAtMs,
          firstReceivedAtMs: message.firstReceivedAtMs,
          receiveCount: message.receiveCount,
        };
      });
    },
    changeVisibility(receiptHandle, seconds) {
      if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_VISIBILITY_SECONDS) {
        throw Object.assign(new Error(`visibility timeout ${seconds} out of range`), {
          name: 'InvalidParameterValue',
        });
      }
      const message = current(receiptHandle);
      // A visible message has no valid handle here: its visibility already ended, so SQS refuses it too.
      if (ready.has(message)) {
        throw Object.assign(new Error('message is not in flight'), { name: 'MessageNotInflight' });
      }
      hide(message, clock.now() + seconds * 1000);
    },
    delete(receiptHandle) {
      const message = current(receiptHandle);
      messages.delete(message.messageId);
      ready.delete(message);
    },
    fail(receiptHandle) {
      const message = current(receiptHandle);
      if (message.receiveCount < settings.maxReceiveCount) return;
      messages.delete(message.messageId);
      ready.delete(message);
      message.deadLetteredAtMs = clock.now();
      deadLetters.push(message);
    },
  };
}
