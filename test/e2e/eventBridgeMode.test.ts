import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deployLocally, type LocalDeployment } from '../../local/deployLocally';
import { dropFile } from '../../local/dropFile';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { callsFor } from './support/callsFor';
import { readDeadLetters } from './support/readDeadLetters';
import { receivesOf, runUntilDrained } from './support/runUntilDrained';

const CSV = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const PARTITION = '3c2b1a09-8f7e-4d6c-9b5a-493827161504';
/** An import Blueshift does not know: every trigger gets 404. */
const RETIRED = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let moto: MotoServer;
let deployment: LocalDeployment;

/** The bodies the function was handed, each once. */
const deliveredBodies = (run: Awaited<ReturnType<typeof runUntilDrained>>) => [
  ...new Set(run.invocations.flatMap((invocation) => invocation.records.map((record) => record.body))),
];

describe('End to end in EventBridge mode: S3 → EventBridge rule → SQS → function → Blueshift (moto)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: {
        notifications: 'eventbridge',
        imports: [
          { prefix: 'imports/', uuid: CSV, suffix: '.csv' },
          { prefix: 'exports/dt=2026-12-01/', uuid: PARTITION },
          { prefix: 'retired/', uuid: RETIRED },
        ],
      },
      standIn: { knownUuids: [CSV, PARTITION] },
    });
  });
  beforeEach(async () => {
    deployment.standIn.reset();
    await deployment.sqs.send(new PurgeQueueCommand({ QueueUrl: deployment.deadLetterQueue.url }));
  });
  afterAll(async () => {
    await deployment?.stop();
    await moto?.stop();
  });

  it('triggers the import of a dropped file from its Object Created event, and nothing else reaches the queue', async () => {
    // Act
    await dropFile(deployment, 'exports/dt=2026-12-01/part 1+2.csv');
    const run = await runUntilDrained(deployment);

    // Assess: moto also emits "Object Tags Added" per put; the rule's detail-type keeps it out.
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(deployment.standIn.calls.map((call) => [call.body, call.response])).toEqual([
      [{ uuid: PARTITION }, 200],
    ]);
    const delivered = deliveredBodies(run).map((body) => JSON.parse(body));
    expect(delivered).toEqual([
      expect.objectContaining({
        source: 'aws.s3',
        'detail-type': 'Object Created',
        detail: expect.objectContaining({
          bucket: { name: deployment.bucket },
          object: expect.objectContaining({ key: 'exports/dt=2026-12-01/part 1+2.csv' }),
        }),
      }),
    ]);
  });

  it('gives the bucket no queue configuration of its own', async () => {
    // Act: moto does not echo EventBridgeConfiguration back, only what else the bucket holds.
    const saved = await deployment.s3.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: deployment.bucket }),
    );

    // Assess
    expect(saved.QueueConfigurations ?? []).toEqual([]);
    expect(saved.TopicConfigurations ?? []).toEqual([]);
    expect(saved.LambdaFunctionConfigurations ?? []).toEqual([]);
  });

  it('routes only keys the rule’s prefix and suffix take', async () => {
    // Act
    await dropFile(deployment, 'elsewhere/unwatched.csv');
    await dropFile(deployment, 'imports/readme.txt');
    await dropFile(deployment, 'imports/daily.csv');
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    const delivered = deliveredBodies(run).join('\n');
    expect(delivered).toContain('imports/daily.csv');
    expect(delivered).not.toContain('unwatched');
    expect(delivered).not.toContain('readme.txt');
    expect(deployment.standIn.calls.map((call) => call.body)).toEqual([{ uuid: CSV }]);
  });

  it('coalesces a burst of files for one import into fewer calls than files', async () => {
    // Prepare: every event is queued before the event source starts, as in a burst of uploads.
    const files = Array.from({ length: 12 }, (_, n) => `imports/burst/part-${n}.csv`);
    for (const key of files) await dropFile(deployment, key);

    // Act
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, CSV).length).toBeGreaterThanOrEqual(1);
    expect(callsFor(deployment.standIn, CSV).length).toBeLessThan(files.length);
    expect(deployment.standIn.calls.every((call) => call.response === 200)).toBe(true);
  });

  it('moves an event whose import keeps answering 404 to the dead-letter queue after maxReceiveCount receives', async () => {
    // Act
    await dropFile(deployment, 'retired/2024-06-01.csv');
    const run = await runUntilDrained(deployment);

    // Assess
    const { maxReceiveCount } = deployment.config;
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, RETIRED).map((call) => call.response)).toEqual(
      Array(maxReceiveCount).fill(404),
    );
    const letters = await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url);
    expect(letters.map((letter) => letter.keys)).toEqual([['retired/2024-06-01.csv']]);
    expect(receivesOf(run, (body) => body.includes('retired/2024-06-01.csv'))).toEqual(
      Array.from({ length: maxReceiveCount }, (_, n) => ({ receiveCount: n + 1, kept: true })),
    );
  });
});
