import path from 'node:path';
import type { SQSRecord } from 'aws-lambda';
import type { BenchSettings } from './benchSettings';
import { startHandlerRig } from './handlerRig';
import type { ItemResult } from './itemResult';
import { parseOnlyFloor } from './parseOnlyFloor';
import { runTaskInChild } from './runInChild';
import { benchImports, burstRecords, importOf, recordsFittingPayload } from './s3SqsRecords';
import { median, quantile, rotate, timeMs } from './stats';
import type { ShippedBundle } from './synthesizeBundle';

/** Imports the largest batch's keys spread over. */
export const LARGE_BATCH_IMPORTS = 20;
/** More records than fit 6 MiB, to cut the largest batch from. */
const RECORD_POOL = 5_000;
/** The shipped handler may spend at most this factor of the parse-only floor per record. */
const TARGET_RATIO = 1.5;

/** The largest batch Lambda can deliver of the bench's records, keys over 20 imports. */
export function largestBatch(): SQSRecord[] {
  const pool = burstRecords(RECORD_POOL, benchImports(LARGE_BATCH_IMPORTS));
  return pool.slice(0, recordsFittingPayload(pool));
}

interface CostInput {
  readonly bundlePath: string;
  readonly functionVariables: Record<string, string>;
  readonly runs: number;
  readonly warmup: number;
}

interface CostMeasure {
  readonly fullRecords: number;
  readonly smallRecords: number;
  readonly payloadBytes: number;
  /** Per timed round, ms. */
  readonly handlerFullMs: number[];
  readonly handlerSmallMs: number[];
  readonly floorFullMs: number[];
  readonly floorSmallMs: number[];
  /** Every distinct count of Blueshift calls one invocation made: one value, 20, when all is well. */
  readonly callsPerBatch: number[];
}

/**
 * Runs in a child (with --expose-gc): the shipped handler on the largest batch and on a small batch of one
 * file per import, both over the same 20 imports so both make the same 20 calls to a stand-in that answers
 * at once, interleaved with the parse-only floor on the same two batches. The small batch rather than a half
 * one doubles the records the difference is taken over, so the calls' jitter weighs half as much per record.
 * Each timed call starts after a full GC.
 */
export async function measurePerRecordCost(input: CostInput): Promise<CostMeasure> {
  const imports = benchImports(LARGE_BATCH_IMPORTS);
  const full = largestBatch();
  const small = imports.map(
    (mapping) => full.find((record) => importOf(record, imports) === mapping) as SQSRecord,
  );
  for (const batch of [full, small]) {
    const covered = new Set(batch.map((record) => importOf(record, imports)?.uuid)).size;
    if (covered !== imports.length) throw new Error(`a batch covers ${covered} of ${imports.length} imports`);
  }
  const uuidByPrefix = new Map(imports.map((mapping) => [mapping.prefix, mapping.uuid]));
  const rig = await startHandlerRig({ ...input, imports });
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const callCounts = new Set<number>();
  const runHandler = async (Records: SQSRecord[]) => {
    const before = rig.blueshift.calls.length;
    const { batchItemFailures } = await rig.invoke({ Records });
    if (batchItemFailures.length > 0) throw new Error(`handler failed ${batchItemFailures.length} records`);
    callCounts.add(rig.blueshift.calls.length - before);
  };
  const tasks = {
    handlerFull: () => runHandler(full),
    handlerSmall: () => runHandler(small),
    floorFull: () => parseOnlyFloor(full, uuidByPrefix),
    floorSmall: () => parseOnlyFloor(small, uuidByPrefix),
  };
  const samples: Record<keyof typeof tasks, number[]> = {
    handlerFull: [],
    handlerSmall: [],
    floorFull: [],
    floorSmall: [],
  };
  try {
    for (let round = -input.warmup; round < input.runs; round++) {
      for (const name of rotate(Object.keys(tasks) as (keyof typeof tasks)[], round + input.warmup)) {
        gc();
        const ms = await timeMs(tasks[name]);
        if (round >= 0) samples[name].push(ms);
        // The stand-in keeps every call; only the count per batch matters here. The ledger forgets the
        // triggers too, so every round's files are new and need their calls (none are covered).
        rig.blueshift.reset();
        rig.dynamodb.reset();
      }
    }
  } finally {
    await rig.close();
  }
  return {
    fullRecords: full.length,
    smallRecords: small.length,
    payloadBytes: Buffer.byteLength(JSON.stringify({ Records: full })),
    handlerFullMs: samples.handlerFull,
    handlerSmallMs: samples.handlerSmall,
    floorFullMs: samples.floorFull,
    floorSmallMs: samples.floorSmall,
    callsPerBatch: [...callCounts],
  };
}

/** µs per extra record in each round: (full − small) / (full records − small records). */
const perExtraRecordUs = (fullMs: number[], smallMs: number[], extraRecords: number) =>
  fullMs.map((ms, round) => ((ms - (smallMs[round] as number)) * 1000) / extraRecords);

/** The middle half of the samples, as `p25–p75`, to show how far one run's median can be trusted. */
const middleHalf = (samples: number[]) =>
  `${quantile(samples, 0.25).toFixed(2)}–${quantile(samples, 0.75).toFixed(2)}`;

/** Item 2 (time): the shipped handler's cost per record against the parse-only floor, network wait excluded. */
export async function perRecordCost(shipped: ShippedBundle, settings: BenchSettings): Promise<ItemResult> {
  const measure = await runTaskInChild<CostMeasure>(
    path.join(import.meta.dirname, 'perRecordCost.ts'),
    'measurePerRecordCost',
    {
      bundlePath: shipped.bundlePath,
      functionVariables: shipped.environment,
      runs: settings.runs,
      warmup: settings.warmup,
    } satisfies CostInput,
    { nodeFlags: ['--expose-gc'] },
  );
  const extra = measure.fullRecords - measure.smallRecords;
  const oursSamples = perExtraRecordUs(measure.handlerFullMs, measure.handlerSmallMs, extra);
  const floorSamples = perExtraRecordUs(measure.floorFullMs, measure.floorSmallMs, extra);
  const ours = median(oursSamples);
  const floor = median(floorSamples);
  const ratio = ours / floor;
  return {
    figures: [
      {
        item: 2,
        name: `Core cost per record: ${measure.fullRecords} vs ${measure.smallRecords} records, ${LARGE_BATCH_IMPORTS} imports`,
        value: ours,
        unit: 'µs/record',
        comparison: { name: 'parse-only floor', value: floor, ratio, ratioOf: 'ours/floor' },
        target: { text: `≤ ${TARGET_RATIO.toFixed(2)}× floor`, met: ratio <= TARGET_RATIO },
        runs: `median of ${settings.runs} paired`,
      },
      {
        item: 2,
        name: `Handler time, largest batch (${measure.fullRecords} records), its ${LARGE_BATCH_IMPORTS} calls included`,
        value: median(measure.handlerFullMs),
        unit: 'ms',
        comparison: {
          name: 'parse-only floor',
          value: median(measure.floorFullMs),
          ratio: median(measure.handlerFullMs) / median(measure.floorFullMs),
          ratioOf: 'ours/floor',
        },
        runs: `median of ${settings.runs}`,
      },
    ],
    notes: [
      `Largest batch: ${measure.fullRecords} of the bench's S3-in-SQS records fit Lambda's 6 MiB payload ` +
        `(${(measure.payloadBytes / 2 ** 20).toFixed(2)} MiB of event JSON); Blueshift calls per invocation, full or small: ` +
        `${measure.callsPerBatch.join(' or ')}, so the full − small difference excludes network wait.`,
      `Core cost per record, middle half of the ${settings.runs} paired rounds: ours ${middleHalf(oursSamples)} µs, ` +
        `floor ${middleHalf(floorSamples)} µs (the calls' jitter on a shared machine is most of the spread).`,
    ],
    details: { ...measure },
  };
}
