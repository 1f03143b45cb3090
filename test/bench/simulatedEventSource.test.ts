import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type EventSourceSettings, startEventSource } from '../../bench/runsPerDrop/simulatedEventSource';
import { createSimulatedQueue } from '../../bench/runsPerDrop/simulatedQueue';
import { createVirtualClock } from '../../bench/runsPerDrop/virtualClock';

const SETTINGS: EventSourceSettings = {
  batchSize: 3,
  batchWindowSeconds: 5,
  maxConcurrency: 2,
  functionTimeoutSeconds: 60,
  invocationOverheadMs: 0,
};

interface Invocation {
  readonly atMs: number;
  readonly bodies: string[];
  readonly receiveCounts: string[];
}

/** A queue polled by an event source whose handler takes `handlerMs` and fails what `fails` picks. */
function rig(
  options: {
    settings?: Partial<EventSourceSettings>;
    handlerMs?: number;
    fails?: (body: string, receiveCount: number) => boolean;
    throws?: boolean;
  } = {},
) {
  const clock = createVirtualClock(0);
  const queue = createSimulatedQueue(clock, { visibilityTimeoutSeconds: 30, maxReceiveCount: 2 });
  const invocations: Invocation[] = [];
  let running = 0;
  let busiest = 0;
  const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    running += 1;
    busiest = Math.max(busiest, running);
    invocations.push({
      atMs: clock.now(),
      bodies: event.Records.map(({ body }) => body),
      receiveCounts: event.Records.map(({ attributes }) => attributes.ApproximateReceiveCount),
    });
    await clock.sleep(options.handlerMs ?? 100);
    running -= 1;
    if (options.throws) throw new Error('handler crashed');
    const failed = event.Records.filter(({ body, attributes }) =>
      options.fails?.(body, Number(attributes.ApproximateReceiveCount)),
    );
    return { batchItemFailures: failed.map(({ messageId }) => ({ itemIdentifier: messageId })) };
  };
  const counts = startEventSource(clock, queue, { ...SETTINGS, ...options.settings }, handler);
  return { clock, queue, invocations, counts, busiest: () => busiest };
}

describe('Function: startEventSource()', () => {
  it('invokes at once with a full batch, and waits out the batch window for a smaller one', async () => {
    // Prepare
    const { clock, queue, invocations } = rig();
    for (const body of ['a', 'b', 'c', 'd']) queue.send(body);

    // Act
    await clock.run();

    // Assess
    expect(invocations.map(({ atMs, bodies }) => ({ atMs, bodies }))).toEqual([
      { atMs: 0, bodies: ['a', 'b', 'c'] },
      { atMs: 5_000, bodies: ['d'] },
    ]);
  });

  it('gathers the messages that arrive within the window into one batch', async () => {
    // Prepare
    const { clock, queue, invocations } = rig({ settings: { maxConcurrency: 1 } });
    clock.at(0, () => queue.send('a'));
    clock.at(2_000, () => queue.send('b'));

    // Act
    await clock.run();

    // Assess
    expect(invocations.map(({ atMs, bodies }) => ({ atMs, bodies }))).toEqual([
      { atMs: 5_000, bodies: ['a', 'b'] },
    ]);
  });

  it('lets each environment gather its own batch side by side, the emptiest getting the next message', async () => {
    // Prepare
    const { clock, queue, invocations } = rig();
    clock.at(0, () => queue.send('a'));
    clock.at(1_000, () => queue.send('b'));
    clock.at(2_000, () => queue.send('c'));

    // Act
    await clock.run();

    // Assess
    expect(invocations.map(({ atMs, bodies }) => ({ atMs, bodies }))).toEqual([
      { atMs: 5_000, bodies: ['a', 'c'] },
      { atMs: 6_000, bodies: ['b'] },
    ]);
  });

  it('receives a gathered message at once, so its receive count and visibility start then', async () => {
    // Prepare
    const { clock, queue } = rig({ settings: { maxConcurrency: 1 } });
    queue.send('a');

    // Act
    await clock.runUntil(1_000);

    // Assess
    expect(queue.visibleCount()).toBe(0);
    expect([...queue.messages.values()].map(({ receiveCount }) => receiveCount)).toEqual([1]);
  });

  it('runs at most maxConcurrency invocations at once', async () => {
    // Prepare
    const { clock, queue, invocations, busiest } = rig({ handlerMs: 10_000, settings: { batchSize: 1 } });
    for (const body of ['a', 'b', 'c', 'd', 'e']) queue.send(body);

    // Act
    await clock.run();

    // Assess
    expect(busiest()).toBe(2);
    expect(invocations.map(({ atMs }) => atMs)).toEqual([0, 0, 10_000, 10_000, 20_000]);
  });

  it('deletes the records a partial batch response leaves out and delivers the failed ones again', async () => {
    // Prepare
    const { clock, queue, invocations, counts } = rig({
      fails: (body, receives) => body === 'b' && receives < 2,
    });
    for (const body of ['a', 'b', 'c']) queue.send(body);

    // Act
    await clock.run();

    // Assess
    expect(invocations.map(({ bodies, receiveCounts }) => ({ bodies, receiveCounts }))).toEqual([
      { bodies: ['a', 'b', 'c'], receiveCounts: ['1', '1', '1'] },
      { bodies: ['b'], receiveCounts: ['2'] },
    ]);
    expect(invocations[1]?.atMs).toBe(30_000 + 5_000);
    expect(queue.messages.size).toBe(0);
    expect(counts.failedRecords).toBe(1);
  });

  it('fails every record of a batch whose handler throws, and dead-letters them on their last receive', async () => {
    // Prepare
    const { clock, queue, invocations, counts } = rig({ throws: true });
    for (const body of ['a', 'b']) queue.send(body);

    // Act
    await clock.run();

    // Assess
    expect(invocations).toHaveLength(2);
    expect(counts.handlerErrors).toBe(2);
    expect(queue.deadLetters.map(({ body }) => body)).toEqual(['a', 'b']);
  });

  it('hands the handler SentTimestamp and the time left before the function timeout', async () => {
    // Prepare
    const clock = createVirtualClock(1_000);
    const queue = createSimulatedQueue(clock, { visibilityTimeoutSeconds: 30, maxReceiveCount: 2 });
    const seen: { sent: string | undefined; remainingMs: number }[] = [];
    startEventSource(
      clock,
      queue,
      { ...SETTINGS, batchWindowSeconds: 0, invocationOverheadMs: 20 },
      async (event, context) => {
        await clock.sleep(1_000);
        seen.push({
          sent: event.Records[0]?.attributes.SentTimestamp,
          remainingMs: context.getRemainingTimeInMillis(),
        });
        return { batchItemFailures: [] };
      },
    );
    queue.send('a');

    // Act
    await clock.run();

    // Assess
    expect(seen).toEqual([{ sent: '1000', remainingMs: 60_000 - 1_020 }]);
  });
});
