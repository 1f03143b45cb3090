import { GetQueueAttributesCommand, PurgeQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deployLocally, type LocalDeployment } from '../../local/deployLocally';
import { dropFile } from '../../local/dropFile';
import { messageCounts } from '../../local/moto/messageCounts';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { callsFor } from './support/callsFor';
import { readDeadLetters } from './support/readDeadLetters';
import { runRedriveCli } from './support/runRedriveCli';
import { receivesOf, runUntilDrained } from './support/runUntilDrained';

const LIVE = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
/** An import Blueshift does not know (deleted, or a typo in the config): every trigger gets 404. */
const RETIRED = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

let moto: MotoServer;
let deployment: LocalDeployment;

/** Drops a file for the retired import and runs the event source until SQS has dead-lettered it. */
async function deadLetterOneFile(key: string) {
  await dropFile(deployment, key);
  // With the function's 1-2 s visibility backoff this takes seconds; had the backoff not reached moto, the
  // queue's 60 s visibility timeout would hold the message past this deadline.
  return runUntilDrained(deployment, 30_000);
}

describe('End to end: failures, the dead-letter queue and the redrive CLI (moto and a stand-in)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: {
        imports: [
          { prefix: 'live/', uuid: LIVE },
          { prefix: 'retired/', uuid: RETIRED },
        ],
      },
      standIn: { knownUuids: [LIVE] },
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

  it('runs against queues made with the template’s visibility timeout, retention and redrive policy', async () => {
    // Act
    const { Attributes = {} } = await deployment.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: deployment.ingestQueue.url, AttributeNames: ['All'] }),
    );

    // Assess: six function timeouts plus the batching window, as the stack sets it.
    expect(Attributes).toMatchObject({ VisibilityTimeout: '60', MessageRetentionPeriod: '1209600' });
    expect(JSON.parse(Attributes.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: deployment.deadLetterQueue.arn,
      maxReceiveCount: deployment.config.maxReceiveCount,
    });
  });

  it('moves a file whose import keeps answering 404 to the dead-letter queue after maxReceiveCount receives', async () => {
    // Act
    const run = await deadLetterOneFile('retired/2024-06-01.csv');

    // Assess
    const { maxReceiveCount } = deployment.config;
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, RETIRED).map((call) => call.response)).toEqual(
      Array(maxReceiveCount).fill(404),
    );
    const letters = await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url);
    expect(letters.map((letter) => letter.keys)).toEqual([['retired/2024-06-01.csv']]);
    const receives = receivesOf(run, (body) => body.includes('2024-06-01.csv'));
    expect(receives).toEqual(
      Array.from({ length: maxReceiveCount }, (_, n) => ({ receiveCount: n + 1, kept: true })),
    );
  });

  it('redrives with the CLI’s --copy mode once Blueshift is fixed, and the import is then triggered', async () => {
    // Prepare
    await deadLetterOneFile('retired/2024-06-02.csv');
    deployment.standIn.script(RETIRED, () => ({ status: 200 }));
    const { url: dlqUrl } = deployment.deadLetterQueue;

    // Act
    const cli = await runRedriveCli(deployment, [
      '--copy',
      '--dlq-url',
      dlqUrl,
      '--source-url',
      deployment.ingestQueue.url,
    ]);
    const run = await runUntilDrained(deployment);

    // Assess
    expect(cli).toMatchObject({ exitCode: 0, stderr: '' });
    expect(cli.stdout).toContain(`Copied 1 message(s) from ${dlqUrl}`);
    expect(await messageCounts(deployment.sqs, dlqUrl)).toEqual({ visible: 0, inFlight: 0 });
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(callsFor(deployment.standIn, RETIRED).at(-1)?.response).toBe(200);
  });

  it('dead-letters a notification for another bucket, sent straight to the ingest queue, and triggers nothing', async () => {
    // Prepare: a watched prefix, so only the bucket keeps it from triggering.
    const body = JSON.stringify({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'someone-elses-bucket' }, object: { key: 'live/2024-06-04.csv', size: 1 } },
        },
      ],
    });
    await deployment.sqs.send(
      new SendMessageCommand({ QueueUrl: deployment.ingestQueue.url, MessageBody: body }),
    );

    // Act
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(deployment.standIn.calls).toEqual([]);
    const letters = await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url);
    expect(letters.map((letter) => letter.body)).toEqual([body]);
    expect(receivesOf(run, (received) => received === body)).toEqual(
      Array.from({ length: deployment.config.maxReceiveCount }, (_, n) => ({
        receiveCount: n + 1,
        kept: true,
      })),
    );
  });

  it('dead-letters a poison message sent straight to the ingest queue without holding back good files', async () => {
    // Prepare: both wait in the queue together, so they can arrive in one batch.
    await deployment.sqs.send(
      new SendMessageCommand({ QueueUrl: deployment.ingestQueue.url, MessageBody: 'not json {' }),
    );
    await dropFile(deployment, 'live/2024-06-03.csv');

    // Act
    const run = await runUntilDrained(deployment);

    // Assess
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    const letters = await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url);
    expect(letters.map((letter) => letter.body)).toEqual(['not json {']);
    expect(callsFor(deployment.standIn, LIVE).map((call) => call.response)).toEqual([200]);
    const goodReceives = receivesOf(run, (body) => body.includes('2024-06-03.csv'));
    expect(goodReceives).toEqual([{ receiveCount: 1, kept: false }]);
  });
});
