import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBridgeApi } from '../../../local/moto/eventBridgeApi';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';

const BUCKET = 'drops';

let moto: MotoServer;
let s3: S3Client;
let sqs: SQSClient;
let rules = 0;

/** A fresh queue and a rule on the default bus that sends the bucket’s Object Created events with matching keys to it. */
async function routeObjectCreated(keyPattern: object): Promise<string> {
  const name = `routed-${++rules}`;
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const events = eventBridgeApi(moto.endpoint);
  const pattern = {
    source: ['aws.s3'],
    'detail-type': ['Object Created'],
    detail: { bucket: { name: [BUCKET] }, object: { key: [keyPattern] } },
  };
  await events.putRule({ Name: name, EventPattern: JSON.stringify(pattern), State: 'ENABLED' });
  await events.putTargets(name, [{ Id: 'ingest', Arn: Attributes?.QueueArn ?? '' }]);
  return QueueUrl;
}

const bodiesIn = async (queueUrl: string) => {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
  );
  return Messages.map((message) => JSON.parse(message.Body ?? '{}'));
};

describe('Function: eventBridgeApi()', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    s3 = new S3Client(awsClientConfig(moto.endpoint));
    sqs = new SQSClient(awsClientConfig(moto.endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: BUCKET,
        NotificationConfiguration: { EventBridgeConfiguration: {} },
      }),
    );
  });
  afterAll(async () => {
    s3?.destroy();
    sqs?.destroy();
    await moto?.stop();
  });

  it('routes an Object Created event with the raw key to the rule’s SQS target', async () => {
    // Prepare
    const queueUrl = await routeObjectCreated({ prefix: 'Customer Files/' });

    // Act
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'Customer Files/a+b.csv', Body: 'x' }));

    // Assess: the rule's detail-type leaves out moto's extra "Object Tags Added" event.
    const bodies = await bodiesIn(queueUrl);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: BUCKET }, object: { key: 'Customer Files/a+b.csv' } },
    });
  });

  it('matches wildcard key patterns and leaves out keys the pattern does not take', async () => {
    // Prepare
    const queueUrl = await routeObjectCreated({ wildcard: 'exports/dt=*/*.csv' });

    // Act
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'exports/dt=2026-12-01/a.csv', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'exports/dt=2026-12-01/a.json', Body: 'x' }));

    // Assess
    const keys = (await bodiesIn(queueUrl)).map((body) => body.detail.object.key);
    expect(keys).toEqual(['exports/dt=2026-12-01/a.csv']);
  });

  it('names the action and moto’s answer when a call fails', async () => {
    // Act
    const putting = eventBridgeApi(moto.endpoint).putTargets('no-such-rule', [{ Id: 't', Arn: 'arn:x' }]);

    // Assess
    await expect(putting).rejects.toThrow(/EventBridge PutTargets failed \(\d+\)/);
  });
});
