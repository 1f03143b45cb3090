import {
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRIGGER_IMPORT_PATH } from '../../local/blueshift/blueshiftStandIn';
import { deployLocally, type LocalDeployment } from '../../local/deployLocally';
import { dropFile } from '../../local/dropFile';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { callsFor } from './support/callsFor';
import { readDeadLetters } from './support/readDeadLetters';
import { receivesOf, runUntilDrained } from './support/runUntilDrained';

const ALL = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const VIP = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';
const PARTITION = '3c2b1a09-8f7e-4d6c-9b5a-493827161504';
const PLUS = '5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716';
const CUSTOMER = '6f5e4d3c-2b1a-4098-9f8e-7d6c5b4a3928';

let moto: MotoServer;
let deployment: LocalDeployment;

describe('End to end: S3 drop → SQS → function → Blueshift (moto and a stand-in)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: {
        imports: [
          { prefix: 'imports/', uuid: ALL, suffix: '.csv' },
          { prefix: 'imports/vip/', uuid: VIP },
          // Prefixes that S3 only matches when the template writes them URL-encoded.
          { prefix: 'exports/dt=2026-12-01/', uuid: PARTITION },
          { prefix: 'events/+plus/', uuid: PLUS },
          { prefix: 'Customer Files/', uuid: CUSTOMER },
        ],
      },
    });
  });
  beforeEach(() => deployment.standIn.reset());
  afterAll(async () => {
    await deployment?.stop();
    await moto?.stop();
  });

  it('triggers the import once with Basic auth and {"uuid"}, and leaves the ingest queue empty', async () => {
    // Act
    await dropFile(deployment, 'imports/2024-06-01.csv');
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(deployment.standIn.calls).toHaveLength(1);
    const [call] = deployment.standIn.calls;
    expect(call).toMatchObject({
      method: 'POST',
      path: TRIGGER_IMPORT_PATH,
      body: { uuid: ALL },
      response: 200,
    });
    const expectedAuth = `Basic ${Buffer.from(`${deployment.standIn.apiKey}:`).toString('base64')}`;
    expect(call?.headers.authorization).toBe(expectedAuth);
    expect(call?.headers['content-type']).toBe('application/json');
  });

  it('acknowledges the s3:TestEvent that S3 sends when the notification configuration is saved', async () => {
    // Prepare
    const saved = await deployment.s3.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: deployment.bucket }),
    );

    // Act
    await deployment.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: deployment.bucket,
        NotificationConfiguration: { QueueConfigurations: saved.QueueConfigurations ?? [] },
      }),
    );
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    const testEvents = receivesOf(run, (body) => body.includes('"Event": "s3:TestEvent"'));
    expect(testEvents.length).toBeGreaterThan(0);
    expect(testEvents.filter((receive) => receive.kept)).toEqual([]);
    expect(deployment.standIn.calls).toEqual([]);
  });

  it.each([
    ['a Hive partition', 'exports/dt=2026-12-01/part-0.csv', PARTITION],
    ['a plus sign', 'events/+plus/a+b.csv', PLUS],
    ['spaces', 'Customer Files/accounts 1+2.csv', CUSTOMER],
  ])('triggers the import of a prefix with %s (%s)', async (_, key, uuid) => {
    // Act
    await dropFile(deployment, key);
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(deployment.standIn.calls.map((call) => call.body)).toEqual([{ uuid }]);
  });

  it('acknowledges a notified key that no mapping takes, without calling Blueshift', async () => {
    // Act: the merged `imports/` filter (no suffix, for `imports/vip/`) lets `.txt` through; no mapping takes it.
    await dropFile(deployment, 'imports/readme.txt');
    await dropFile(deployment, 'elsewhere/unwatched.csv');
    // A space where the watched prefix has a plus sign: a filter written `events/+plus/` would take it on S3.
    await dropFile(deployment, 'events/ plus/unwatched.csv');
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(deployment.standIn.calls).toEqual([]);
    const delivered = run.invocations.flatMap((invocation) =>
      invocation.records.map((record) => record.body),
    );
    expect(delivered.some((body) => body.includes('readme.txt'))).toBe(true);
    expect(delivered.some((body) => body.includes('unwatched'))).toBe(false);
    expect(await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url)).toEqual([]);
  });

  it('routes overlapping prefixes by the longest one through a single collapsed notification filter', async () => {
    // Act
    await dropFile(deployment, 'imports/daily.csv');
    await dropFile(deployment, 'imports/vip/gold.csv');
    const run = await runUntilDrained(deployment);

    // Assess
    const { QueueConfigurations = [] } = await deployment.s3.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: deployment.bucket }),
    );
    const prefixes = QueueConfigurations.map((queue) =>
      queue.Filter?.Key?.FilterRules?.find((rule) => rule.Name?.toLowerCase() === 'prefix'),
    );
    // moto holds the filters decoded, as S3 reads them.
    expect(prefixes.map((rule) => rule?.Value).sort()).toEqual([
      'Customer Files/',
      'events/+plus/',
      'exports/dt=2026-12-01/',
      'imports/',
    ]);
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, ALL)).toHaveLength(1);
    expect(callsFor(deployment.standIn, VIP)).toHaveLength(1);
  });

  it('coalesces a burst of files for one import into fewer calls than files', async () => {
    // Prepare: the files are all queued before the event source starts, as in a burst of uploads.
    const files = Array.from({ length: 12 }, (_, n) => `imports/burst/part-${n}.csv`);
    for (const key of files) await dropFile(deployment, key);

    // Act
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, ALL).length).toBeGreaterThanOrEqual(1);
    expect(callsFor(deployment.standIn, ALL).length).toBeLessThan(files.length);
    expect(deployment.standIn.calls.every((call) => call.response === 200)).toBe(true);
  });
});
