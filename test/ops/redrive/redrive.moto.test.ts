import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageCounts } from '../../../local/moto/messageCounts';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';
import { EXIT, runRedrive } from '../../../scripts/ops/redrive/runRedrive';
import { eventBridgeObjectCreatedBody, instantSleep, recordingOutput, s3NotificationBody } from './factories';

let moto: MotoServer;
let sqs: SQSClient;
let cloudFormation: CloudFormationClient;
let queueCount = 0;

/** A fresh ingest queue and the dead-letter queue its RedrivePolicy names, as the stack makes them. */
async function createQueuePair(): Promise<{ sourceUrl: string; deadLetterUrl: string }> {
  const name = `ingest-${++queueCount}`;
  const { QueueUrl: deadLetterUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: `${name}-dlq` }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }),
  );
  const redrivePolicy = JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 3 });
  const { QueueUrl: sourceUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { RedrivePolicy: redrivePolicy } }),
  );
  return { sourceUrl, deadLetterUrl };
}

async function sendAll(queueUrl: string, bodies: readonly string[]): Promise<void> {
  for (let start = 0; start < bodies.length; start += 10) {
    const Entries = bodies.slice(start, start + 10).map((MessageBody, i) => ({ Id: String(i), MessageBody }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries }));
  }
}

/** Takes every visible message's body, keeping them invisible so none is read twice. */
async function drainBodies(queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
    );
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((message) => message.Body ?? ''));
  }
}

const redrive = (argv: string[]) => {
  const deps = {
    createClients: () => ({ sqs, cloudFormation }),
    output: recordingOutput(),
    sleep: instantSleep(),
    env: {},
  };
  return runRedrive(argv, deps).then((code) => ({ code, output: deps.output }));
};

describe('CLI: npm run redrive (against moto)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    sqs = new SQSClient(awsClientConfig(moto.endpoint));
    cloudFormation = new CloudFormationClient(awsClientConfig(moto.endpoint));
  });
  afterAll(async () => {
    sqs?.destroy();
    cloudFormation?.destroy();
    await moto?.stop();
  });

  it('--copy sends all 25 dead letters back to the ingest queue and empties the dead-letter queue', async () => {
    // Prepare
    const { sourceUrl, deadLetterUrl } = await createQueuePair();
    const bodies = Array.from({ length: 25 }, (_, n) => s3NotificationBody(`customers/daily/part ${n}.csv`));
    await sendAll(deadLetterUrl, bodies);

    // Act
    const { code, output } = await redrive(['--copy', '--dlq-url', deadLetterUrl, '--source-url', sourceUrl]);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(output.errors).toEqual([]);
    expect(output.lines.at(-1)).toBe(`Copied 25 message(s) from ${deadLetterUrl} to ${sourceUrl}.`);
    expect((await drainBodies(sourceUrl)).sort()).toEqual([...bodies].sort());
    expect(await messageCounts(sqs, deadLetterUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('--dry-run reports the count and sample keys, and moves nothing', async () => {
    // Prepare
    const { sourceUrl, deadLetterUrl } = await createQueuePair();
    await sendAll(deadLetterUrl, [
      s3NotificationBody('customers/daily/2024 01 01.csv'),
      s3NotificationBody('customers/weekly/ünï.csv', 'customers/weekly/_SUCCESS'),
      'not an S3 notification',
    ]);

    // Act
    const { code, output } = await redrive([
      '--dry-run',
      '--dlq-url',
      deadLetterUrl,
      '--source-url',
      sourceUrl,
    ]);

    // Assess
    const printed = output.lines.join('\n');
    expect(code).toBe(EXIT.ok);
    expect(printed).toContain('about 3 message(s) waiting');
    expect(printed).toContain(': customers/daily/2024 01 01.csv');
    expect(printed).toContain(': customers/weekly/ünï.csv, customers/weekly/_SUCCESS');
    expect(printed).toContain(': (no S3 keys) not an S3 notification');
    expect(await messageCounts(sqs, deadLetterUrl)).toEqual({ visible: 3, inFlight: 0 });
    expect(await messageCounts(sqs, sourceUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it.each([[['--copy']], [[]]])(
    'refuses swapped --dlq-url and --source-url (%j) and moves nothing',
    async (mode) => {
      // Prepare: live messages in the ingest queue, dead letters in the dead-letter queue.
      const { sourceUrl, deadLetterUrl } = await createQueuePair();
      await sendAll(sourceUrl, [s3NotificationBody('live/1.csv'), s3NotificationBody('live/2.csv')]);
      await sendAll(deadLetterUrl, [s3NotificationBody('dead/1.csv')]);

      // Act
      const { code, output } = await redrive([
        ...mode,
        '--dlq-url',
        sourceUrl,
        '--source-url',
        deadLetterUrl,
      ]);

      // Assess
      expect(code).toBe(EXIT.failure);
      expect(output.errors).toHaveLength(1);
      expect(output.errors[0]).toMatch(
        new RegExp(
          `^redrive failed: refusing to redrive: ingest queue ${deadLetterUrl} has no RedrivePolicy, .*swapped$`,
        ),
      );
      expect(await messageCounts(sqs, sourceUrl)).toEqual({ visible: 2, inFlight: 0 });
      expect(await messageCounts(sqs, deadLetterUrl)).toEqual({ visible: 1, inFlight: 0 });
    },
  );

  it('--copy refuses one queue given as both, instead of copying it into itself forever', async () => {
    // Prepare
    const { deadLetterUrl } = await createQueuePair();
    await sendAll(deadLetterUrl, [s3NotificationBody('dead/1.csv')]);

    // Act
    const { code, output } = await redrive([
      '--copy',
      '--dlq-url',
      deadLetterUrl,
      '--source-url',
      `${deadLetterUrl}/`,
    ]);

    // Assess
    expect(code).toBe(EXIT.failure);
    expect(output.errors[0]).toContain('the dead-letter queue and the ingest queue are the same queue');
    expect(await messageCounts(sqs, deadLetterUrl)).toEqual({ visible: 1, inFlight: 0 });
  });

  it('--dry-run shows the keys of EventBridge "Object Created" events', async () => {
    // Prepare
    const { sourceUrl, deadLetterUrl } = await createQueuePair();
    await sendAll(deadLetterUrl, [eventBridgeObjectCreatedBody('customers/daily/2024 06 01.csv')]);

    // Act
    const { code, output } = await redrive([
      '--dry-run',
      '--dlq-url',
      deadLetterUrl,
      '--source-url',
      sourceUrl,
    ]);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(output.lines.join('\n')).toContain(': customers/daily/2024 06 01.csv');
  });

  it('--dry-run given only a --dlq-url peeks it only when it is some queue’s dead-letter queue', async () => {
    // Prepare
    const { sourceUrl, deadLetterUrl } = await createQueuePair();
    await sendAll(sourceUrl, [s3NotificationBody('live/1.csv')]);
    await sendAll(deadLetterUrl, [s3NotificationBody('dead/1.csv')]);

    // Act
    const ingestGiven = await redrive(['--dry-run', '--dlq-url', sourceUrl]);
    const deadLetterGiven = await redrive(['--dry-run', '--dlq-url', deadLetterUrl]);

    // Assess
    expect(ingestGiven.code).toBe(EXIT.failure);
    expect(ingestGiven.output.errors[0]).toContain(
      `refusing to peek: no queue's RedrivePolicy names ${sourceUrl}`,
    );
    expect(ingestGiven.output.lines).toEqual([]);
    expect(deadLetterGiven.code).toBe(EXIT.ok);
    expect(deadLetterGiven.output.lines).toContain(
      `Checked: ${deadLetterUrl} is the dead-letter queue of ${sourceUrl}.`,
    );
    expect(deadLetterGiven.output.lines.join('\n')).toContain(': dead/1.csv');
  });
});
