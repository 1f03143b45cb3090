import { describe, expect, it } from 'vitest';
import { createSimulatedQueue } from '../../bench/runsPerDrop/simulatedQueue';
import { createVirtualClock, type VirtualClock } from '../../bench/runsPerDrop/virtualClock';

const queueOn = (clock: VirtualClock, maxReceiveCount = 3) =>
  createSimulatedQueue(clock, { visibilityTimeoutSeconds: 60, maxReceiveCount });

const advanceTo = (clock: VirtualClock, atMs: number) => clock.runUntil(atMs);

describe('Function: createSimulatedQueue()', () => {
  it('hands out visible messages oldest first, at most the number asked for, counting each receive', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('first');
    await advanceTo(clock, 5);
    queue.send('second');
    queue.send('third');

    // Act
    const received = queue.receive(2);

    // Assess
    expect(received.map(({ body }) => body)).toEqual(['first', 'second']);
    expect(received.map(({ receiveCount }) => receiveCount)).toEqual([1, 1]);
    expect(received[0]?.sentAtMs).toBe(0);
    expect(queue.visibleCount()).toBe(1);
  });

  it('keeps a received message invisible for the visibility timeout, then delivers it again', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('drop');
    queue.receive(10);

    // Act
    await advanceTo(clock, 59_999);
    const early = queue.receive(10);
    await advanceTo(clock, 60_000);
    const again = queue.receive(10);

    // Assess
    expect(early).toEqual([]);
    expect(again.map(({ receiveCount }) => receiveCount)).toEqual([2]);
    expect(again[0]?.firstReceivedAtMs).toBe(0);
  });

  it('counts a changed visibility from the ChangeMessageVisibility call, not from the receive', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('drop');
    const [message] = queue.receive(10);
    await advanceTo(clock, 15_000);

    // Act
    queue.changeVisibility(message?.receiptHandle ?? '', 10);
    await advanceTo(clock, 24_999);
    const before = queue.visibleCount();
    await advanceTo(clock, 25_000);

    // Assess
    expect(before).toBe(0);
    expect(queue.visibleCount()).toBe(1);
  });

  it('refuses a receipt handle of an earlier receive, as SQS does', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('drop');
    const [first] = queue.receive(10);
    queue.changeVisibility(first?.receiptHandle ?? '', 0);
    queue.receive(10);

    // Act
    const stale = () => queue.delete(first?.receiptHandle ?? '');

    // Assess
    expect(stale).toThrow(expect.objectContaining({ name: 'ReceiptHandleIsInvalid' }));
    expect(queue.messages.size).toBe(1);
  });

  it('refuses a visibility outside 0 to 12 hours', () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('drop');
    const [message] = queue.receive(10);

    // Act
    const tooLong = () => queue.changeVisibility(message?.receiptHandle ?? '', 43_201);

    // Assess
    expect(tooLong).toThrow(expect.objectContaining({ name: 'InvalidParameterValue' }));
  });

  it('removes a deleted message for good', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    queue.send('drop');
    const [message] = queue.receive(10);

    // Act
    queue.delete(message?.receiptHandle ?? '');
    await advanceTo(clock, 120_000);

    // Assess
    expect(queue.receive(10)).toEqual([]);
    expect(queue.messages.size).toBe(0);
    expect(queue.deadLetters).toEqual([]);
  });

  it('keeps a message that failed before its last receive, to come back when its visibility ends', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock, 3);
    queue.send('drop');
    const [message] = queue.receive(10);
    queue.changeVisibility(message?.receiptHandle ?? '', 30);

    // Act
    queue.fail(message?.receiptHandle ?? '');
    await advanceTo(clock, 30_000);

    // Assess
    expect(queue.deadLetters).toEqual([]);
    expect(queue.receive(10).map(({ receiveCount }) => receiveCount)).toEqual([2]);
  });

  it('moves a message to the dead-letter queue when it fails on receive maxReceiveCount', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock, 2);
    queue.send('drop');
    for (const message of queue.receive(10)) {
      queue.changeVisibility(message.receiptHandle, 0);
      queue.fail(message.receiptHandle);
    }
    const [last] = queue.receive(10);

    // Act
    queue.fail(last?.receiptHandle ?? '');

    // Assess
    expect(queue.deadLetters.map(({ body, receiveCount }) => ({ body, receiveCount }))).toEqual([
      { body: 'drop', receiveCount: 2 },
    ]);
    expect(queue.messages.size).toBe(0);
    expect(queue.visibleCount()).toBe(0);
  });

  it('tells its listeners when a message may have become visible', async () => {
    // Prepare
    const clock = createVirtualClock(0);
    const queue = queueOn(clock);
    const heardAt: number[] = [];
    queue.onVisible(() => heardAt.push(clock.now()));
    queue.send('drop');
    await clock.run();
    const [message] = queue.receive(10);
    queue.changeVisibility(message?.receiptHandle ?? '', 7);

    // Act
    await clock.run();

    // Assess
    expect(heardAt).toContain(0);
    expect(heardAt).toContain(7_000);
  });
});
