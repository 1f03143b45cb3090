import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BlueshiftStandIn, RecordedCall } from '../local/blueshift/blueshiftStandIn';
import { deployLocally } from '../local/deployLocally';
import { dropFile } from '../local/dropFile';
import { startMotoServer } from '../local/moto/motoServer';
import type { BenchSettings } from './benchSettings';
import type { ItemResult } from './itemResult';
import type { Figure } from './report';
import { runTaskInChild } from './runInChild';
import { median, quantile } from './stats';

const IMPORT_UUID = 'b3c0a000-0000-4000-8000-0000000000e2';
const TARGET_P50_MS = 2_000;
const CALL_TIMEOUT_MS = 30_000;
const WAIT_STEP_MS = 2;

interface LatencyInput {
  readonly drops: number;
  readonly warmup: number;
}

interface LatencyMeasure {
  /** Put started → stand-in received the call, per timed drop, ms. */
  readonly latenciesMs: number[];
  readonly invocations: number;
  readonly pollerErrors: readonly string[];
}

/** Resolves with the first call after the first `seen` calls, once the stand-in has it. */
async function nextCall(standIn: BlueshiftStandIn, seen: number): Promise<RecordedCall> {
  const deadline = Date.now() + CALL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const call = standIn.calls[seen];
    if (call) return call;
    await sleep(WAIT_STEP_MS);
  }
  throw new Error(`no Blueshift call within ${CALL_TIMEOUT_MS} ms of a drop`);
}

/**
 * Runs in a child: the synthesized stack deployed to moto by the local runtime (local/), with its
 * event-source poller standing in for Lambda's, batching window 0 s. Drops one file at a time and times
 * put → the Blueshift stand-in receiving the call. The first drops are untimed: they include the cold start.
 */
export async function measureEndToEndLatency(input: LatencyInput): Promise<LatencyMeasure> {
  const moto = await startMotoServer();
  try {
    const deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: { imports: [{ prefix: 'drops/', uuid: IMPORT_UUID }], batchWindowSeconds: 0 },
      stackName: 'BenchLatency',
    });
    try {
      const poller = deployment.startPoller();
      const latenciesMs: number[] = [];
      for (let drop = -input.warmup; drop < input.drops; drop++) {
        const seen = deployment.standIn.calls.length;
        const putAt = Date.now();
        await dropFile(deployment, `drops/${drop + input.warmup}.csv`);
        const call = await nextCall(deployment.standIn, seen);
        if (drop >= 0) latenciesMs.push(call.at - putAt);
      }
      return { latenciesMs, invocations: poller.invocations.length, pollerErrors: [...poller.errors] };
    } finally {
      await deployment.stop();
    }
  } finally {
    await moto.stop();
  }
}

/** Item 4: put → Blueshift call on moto, p50 and p95; reported as not run when moto_server is missing. */
export async function endToEndLatency(settings: BenchSettings): Promise<ItemResult> {
  const warmup = Math.min(settings.warmup, 3);
  let measure: LatencyMeasure;
  try {
    measure = await runTaskInChild<LatencyMeasure>(
      path.join(import.meta.dirname, 'endToEndLatency.ts'),
      'measureEndToEndLatency',
      { drops: settings.drops, warmup } satisfies LatencyInput,
      { timeoutMs: 240_000 },
    );
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? '';
    return {
      figures: [
        {
          item: 4,
          name: 'End-to-end latency p50, put → Blueshift call',
          value: Number.NaN,
          unit: 'ms',
          target: { text: `≤ ${TARGET_P50_MS} ms`, met: false },
          runs: 'not run',
        },
      ],
      notes: [`End-to-end latency not measured: ${reason}`],
      details: { error: (error as Error).message },
    };
  }
  const { latenciesMs } = measure;
  const p50 = median(latenciesMs);
  const runs = `${latenciesMs.length} drops`;
  const figures: Figure[] = [
    {
      item: 4,
      name: 'End-to-end latency p50, put → Blueshift call, window 0 s',
      value: p50,
      unit: 'ms',
      target: { text: `≤ ${TARGET_P50_MS} ms`, met: p50 <= TARGET_P50_MS },
      runs,
    },
    {
      item: 4,
      name: 'End-to-end latency p95, put → Blueshift call, window 0 s',
      value: quantile(latenciesMs, 0.95),
      unit: 'ms',
      runs,
    },
  ];
  return {
    figures,
    notes: [
      `End to end on moto: ${latenciesMs.length} timed drops after ${warmup} untimed, one at a time; ` +
        `min ${Math.min(...latenciesMs)} ms, max ${Math.max(...latenciesMs)} ms; ${measure.invocations} invocations; ` +
        `poller errors: ${measure.pollerErrors.length}.`,
    ],
    details: { warmup, ...measure },
  };
}
