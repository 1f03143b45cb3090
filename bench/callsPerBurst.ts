import path from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ENV } from '../contract/handlerSettings';
import { CONFIG_DEFAULTS } from '../lib/config/schema';
import type { BenchSettings } from './benchSettings';
import { startHandlerRig } from './handlerRig';
import type { ItemResult } from './itemResult';
import { createNaiveHandler } from './naiveHandler';
import type { Figure } from './report';
import { runTaskInChild } from './runInChild';
import { batchesOf, benchImports, burstRecords, importOf } from './s3SqsRecords';
import { median, rotate, timeMs } from './stats';
import type { ShippedBundle } from './synthesizeBundle';

const FILES = 1_000;
const IMPORTS = 5;

/** A drop to deliver, and how many of the bench's imports its files spread over. */
const DROPS = [
  { name: `${FILES.toLocaleString('en-US')} files over ${IMPORTS} imports`, imports: IMPORTS },
  { name: `${FILES.toLocaleString('en-US')} files of 1 import`, imports: 1 },
] as const;

interface BurstInput {
  readonly bundlePath: string;
  readonly functionVariables: Record<string, string>;
  readonly batchSize: number;
  readonly runs: number;
  readonly warmup: number;
}

/** Calls and time for one handler over one drop, per timed run. */
interface HandlerRuns {
  readonly calls: number[];
  readonly ms: number[];
}

interface DropMeasure {
  readonly name: string;
  readonly batches: number;
  /** One call per distinct import per batch: the fewest calls that trigger every file's import. */
  readonly limit: number;
  readonly ours: HandlerRuns;
  readonly naive: HandlerRuns;
}

/**
 * Runs in a child: delivers each drop in batches of `batchSize`, one invocation after another, to the shipped
 * handler and to the naive one, and counts the calls the Blueshift stand-in receives.
 */
export async function measureCallsPerBurst(input: BurstInput): Promise<DropMeasure[]> {
  const imports = benchImports(IMPORTS);
  const rig = await startHandlerRig({ ...input, imports });
  const naive = createNaiveHandler({
    baseUrl: rig.blueshift.url,
    apiKey: rig.blueshift.apiKey,
    imports,
    requestTimeoutMs: Number(input.functionVariables[ENV.requestTimeoutSeconds]) * 1000,
  });
  const handlers: Record<'ours' | 'naive', (event: SQSEvent) => Promise<SQSBatchResponse>> = {
    ours: rig.invoke,
    naive,
  };
  try {
    const measures: DropMeasure[] = [];
    for (const drop of DROPS) {
      const records = burstRecords(FILES, imports.slice(0, drop.imports));
      const batches = batchesOf(records, input.batchSize);
      const limit = batches
        .map((batch) => new Set(batch.map((record) => importOf(record, imports)?.uuid)).size)
        .reduce((sum, distinct) => sum + distinct, 0);
      const runs: Record<keyof typeof handlers, HandlerRuns> = {
        ours: { calls: [], ms: [] },
        naive: { calls: [], ms: [] },
      };
      for (let round = -input.warmup; round < input.runs; round++) {
        for (const name of rotate(['ours', 'naive'] as const, round + input.warmup)) {
          rig.blueshift.reset();
          // A new drop each round: no earlier round's trigger covers its files.
          rig.dynamodb.reset();
          const ms = await timeMs(async () => {
            for (const Records of batches) {
              const { batchItemFailures } = await handlers[name]({ Records });
              if (batchItemFailures.length > 0)
                throw new Error(`${name} failed ${batchItemFailures.length} records`);
            }
          });
          if (round < 0) continue;
          runs[name].calls.push(rig.blueshift.calls.length);
          runs[name].ms.push(ms);
        }
      }
      measures.push({ name: drop.name, batches: batches.length, limit, ...runs });
    }
    return measures;
  } finally {
    await rig.close();
  }
}

/** The different values among the samples, e.g. `50` when every run made 50 calls. */
const distinct = (samples: readonly number[]) => [...new Set(samples)].join(' or ');

/** Item 1: Blueshift calls per burst, the shipped handler against one call per file. */
export async function callsPerBurst(shipped: ShippedBundle, settings: BenchSettings): Promise<ItemResult> {
  const batchSize = CONFIG_DEFAULTS.batchSize;
  // Call counts do not vary; a few runs confirm that, and 1,000 naive calls per run are not cheap.
  const runs = Math.max(3, Math.ceil(settings.runs / 6));
  const warmup = Math.min(settings.warmup, 1);
  const measures = await runTaskInChild<DropMeasure[]>(
    path.join(import.meta.dirname, 'callsPerBurst.ts'),
    'measureCallsPerBurst',
    {
      bundlePath: shipped.bundlePath,
      functionVariables: shipped.environment,
      batchSize,
      runs,
      warmup,
    } satisfies BurstInput,
  );
  const figures: Figure[] = measures.map((drop) => {
    const ours = median(drop.ours.calls);
    const naive = median(drop.naive.calls);
    return {
      item: 1,
      name: `API calls: ${drop.name}, batches of ${batchSize}`,
      value: ours,
      unit: 'calls',
      comparison: { name: 'naive', value: naive, ratio: naive / ours, ratioOf: 'naive/ours' },
      target: {
        // With the trigger ledger a batch whose files an earlier batch's trigger covered makes no call.
        text: `≤ ${drop.limit} (at most 1 per import per batch)`,
        met: drop.ours.calls.every((calls) => calls <= drop.limit),
      },
      runs: `median of ${runs}`,
    };
  });
  const [spread] = measures;
  if (spread) {
    const ours = median(spread.ours.ms);
    const naive = median(spread.naive.ms);
    figures.push({
      item: 1,
      name: `Handler time: ${spread.name}`,
      value: ours,
      unit: 'ms',
      comparison: { name: 'naive', value: naive, ratio: naive / ours, ratioOf: 'naive/ours' },
      runs: `median of ${runs}`,
    });
  }
  return {
    figures,
    notes: measures.map(
      (drop) =>
        `Calls per burst, ${drop.name}: ${drop.batches} batches; over ${runs} runs ours made ` +
        `${distinct(drop.ours.calls)} calls, naive ${distinct(drop.naive.calls)}; the limit is ${drop.limit}.`,
    ),
    details: { batchSize, runs, warmup, measures },
  };
}
