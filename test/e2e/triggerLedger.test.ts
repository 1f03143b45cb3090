import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLocally, type LocalDeployment } from '../../local/deployLocally';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { waitUntilDrained } from '../../local/moto/waitUntilDrained';
import { accountDrops } from './faults/accountDrops';
import { type Drop, dropOnSchedule } from './faults/dropSchedule';
import { accountRuns } from './support/accountRuns';
import { readDeadLetters } from './support/readDeadLetters';

/** Each case has its own import, so one case's ledger item and runs never meet another's files. */
const SPANNING = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const SETTLED = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';
const UNLEDGERED = '3c2b1a09-8f7e-4d6c-9b5a-493827161504';

/** Short import runs, so a drop of a few seconds spans several. */
const RUN_SECONDS = 2;
const SETTLE_SECONDS = 2;
const MAX_CONCURRENCY = 3;

let moto: MotoServer;
let deployment: LocalDeployment;

/** Drops `files` files under `prefix`, one every `gapMs`, while three environments run, and drains the queue. */
async function dropWhileRunning(prefix: string, uuid: string, files: number, gapMs: number) {
  const plan = Array.from({ length: files }, (_, n) => ({
    key: `${prefix}part-${n}.csv`,
    uuid,
    offsetMs: n * gapMs,
  }));
  const poller = deployment.startPoller({ maxConcurrency: MAX_CONCURRENCY });
  let drops: Drop[];
  try {
    drops = await dropOnSchedule(deployment, plan);
    const left = await waitUntilDrained(deployment.sqs, deployment.ingestQueue.url, 60_000);
    expect(left).toEqual({ visible: 0, inFlight: 0 });
    expect(poller.errors).toEqual([]);
  } finally {
    await poller.stop();
  }
  const deadLetterKeys = (await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url)).flatMap(
    (letter) => letter.keys,
  );
  const { calls, runs } = deployment.standIn;
  return {
    drops,
    deadLetterKeys,
    figures: accountRuns({ uuid, drops, calls, runs, deadLetterKeys }),
    // moto's S3 notification bodies write the key's `/` as `%2F`, so the bodies are matched on the first segment.
    invocations: poller.invocations.filter((invocation) =>
      invocation.records.some((record) => record.body.includes(prefix.slice(0, -1))),
    ).length,
  };
}

describe('End to end: the trigger ledger on moto, with import runs in the stand-in (issue 9)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: {
        imports: [
          { prefix: 'spanning/', uuid: SPANNING },
          { prefix: 'settled/', uuid: SETTLED, settleSeconds: SETTLE_SECONDS },
          { prefix: 'unledgered/', uuid: UNLEDGERED },
        ],
        triggerLedger: true,
        maxConcurrency: MAX_CONCURRENCY,
        // Small batches, so a drop makes many of them and "one 405 per batch" would show.
        batchSize: 2,
        // Enough receives that a settle wait (half of them) and a busy wait fit before the dead-letter queue.
        maxReceiveCount: 6,
        maxSettleSeconds: 30,
        // One machine's clock stamps the files and sends the triggers: no skew to absorb. The default margin
        // (1 s) would be half a run of this stand-in, where real runs take minutes.
        coverageMarginSeconds: 0,
      },
      standIn: { behaviour: { runSeconds: RUN_SECONDS } },
    });
  });
  afterAll(async () => {
    await deployment?.stop();
    await moto?.stop();
  });

  it('provisions the ledger table from the template and points the function at it', async () => {
    // Act
    const { Table } = await deployment.dynamodb.send(
      new DescribeTableCommand({ TableName: deployment.ledgerTable }),
    );

    // Assess
    expect(deployment.ledgerTable).toBeDefined();
    expect(Table?.KeySchema).toEqual([{ AttributeName: 'importUuid', KeyType: 'HASH' }]);
  });

  it('covers a drop spanning several runs with at most ceil(span / run) + 1 runs, none covered in the DLQ', async () => {
    // Act: 24 files over about 6 s, several runs' worth.
    const { figures, invocations } = await dropWhileRunning('spanning/', SPANNING, 24, 250);

    // Assess
    console.log(`spanning drop: ${JSON.stringify(figures)}, ${invocations} invocations`);
    expect(figures.lost).toEqual([]);
    expect(figures.coveredInDeadLetters).toEqual([]);
    expect(figures.runs).toBeLessThanOrEqual(Math.ceil(figures.spanSeconds / RUN_SECONDS) + 1);
    // One probe at a time: once a 405 is in the ledger, other batches wait instead of calling. Per run, the 405s
    // are at most the backoff steps that elapse while it runs, plus one per environment that called at the same
    // moment as the one that found it busy: far fewer than the batches.
    const { retryBaseDelaySeconds } = deployment.config;
    const stepsPerRun = Math.ceil(RUN_SECONDS / retryBaseDelaySeconds) + MAX_CONCURRENCY;
    expect(figures.busyAnswers).toBeLessThanOrEqual(figures.runs * stepsPerRun);
    expect(figures.busyAnswers).toBeLessThan(invocations / 2);
  });

  it('triggers a settling import once for a drop whose gaps are all shorter than settleSeconds', async () => {
    // Act: 8 files, one every 400 ms, each gap well inside the 2 s window.
    const { drops, figures, deadLetterKeys } = await dropWhileRunning('settled/', SETTLED, 8, 400);

    // Assess: the premise first (a machine too slow to upload within the window would break it), then one run.
    const gaps = drops.slice(1).map((drop, index) => drop.droppedAt - (drops[index] as Drop).droppedAt);
    expect(Math.max(...gaps)).toBeLessThan(SETTLE_SECONDS * 1000);
    console.log(`settled drop: ${JSON.stringify(figures)}`);
    // Environments that find the window closed at the same moment may each call: one 200, the rest 405.
    expect(figures.runs).toBe(1);
    expect(figures.lost).toEqual([]);
    expect(deadLetterKeys.filter((key) => key.startsWith('settled/'))).toEqual([]);
  });

  it('behaves as without the ledger when its table is missing, and loses nothing', async () => {
    // Prepare: the table goes away (deleted, or never deployed); it comes back for any later case.
    const { Table } = await deployment.dynamodb.send(
      new DescribeTableCommand({ TableName: deployment.ledgerTable }),
    );
    await deployment.dynamodb.send(new DeleteTableCommand({ TableName: deployment.ledgerTable }));

    try {
      // Act
      const { drops, deadLetterKeys, figures, invocations } = await dropWhileRunning(
        'unledgered/',
        UNLEDGERED,
        6,
        300,
      );

      // Assess: every batch called (nothing acknowledged as covered), and every file was read or dead-lettered.
      console.log(`unledgered drop: ${JSON.stringify(figures)}`);
      const accounting = accountDrops({
        drops,
        calls: deployment.standIn.calls.filter(
          (call) => (call.body as { uuid?: string }).uuid === UNLEDGERED,
        ),
        deadLetterKeys,
        maxReceiveCount: deployment.config.maxReceiveCount,
      });
      expect(accounting.lost).toEqual([]);
      expect(accounting.deadLetteredWithoutCause).toEqual([]);
      expect(figures.lost).toEqual([]);
      expect(figures.runs).toBeGreaterThanOrEqual(1);
      expect(figures.calls).toBeGreaterThanOrEqual(invocations);
    } finally {
      await deployment.dynamodb.send(
        new CreateTableCommand({
          TableName: deployment.ledgerTable,
          KeySchema: Table?.KeySchema,
          AttributeDefinitions: Table?.AttributeDefinitions,
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
  });
});
