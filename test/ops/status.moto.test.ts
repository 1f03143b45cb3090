import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DeleteTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLedgerItem } from '../../contract/triggerLedger';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { EXIT } from '../../scripts/ops/runOps';
import type { OpsClients } from '../../scripts/ops/types';
import { destroyClients, motoClients, runOpsWith } from './support/opsHarness';
import { createOpsStack } from './support/opsStackOnMoto';

const IMPORTS = [
  { prefix: 'customers/daily/', uuid: '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f', suffix: '.csv' },
];
const BUSY_IMPORT = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';
const stackSpec = (stackName: string, ledger = true) => ({
  stackName,
  imports: IMPORTS,
  apiBaseUrl: 'http://127.0.0.1:9',
  apiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:unused',
  ledger,
});

let moto: MotoServer;
let clients: OpsClients;

describe('Command: npm run ops -- status (against moto)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    clients = motoClients(moto.endpoint);
  });
  afterAll(async () => {
    destroyClients(clients);
    await moto?.stop();
  });

  it('shows both queues’ depths, the oldest message’s age from CloudWatch and each import, deployed or in the ledger', async () => {
    // Prepare: 1 visible, 1 in flight and 1 delayed ingest message; 1 dead letter; a busy import.
    const outputs = await createOpsStack(clients.cloudFormation, stackSpec('StatusStack'));
    const ingestUrl = outputs.IngestQueueUrl as string;
    const send = (QueueUrl: string, DelaySeconds = 0) =>
      clients.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '{}', DelaySeconds }));
    await send(ingestUrl);
    await send(ingestUrl);
    await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: ingestUrl, MaxNumberOfMessages: 1, VisibilityTimeout: 300 }),
    );
    await send(ingestUrl, 600);
    await send(outputs.DeadLetterQueueUrl as string);
    const now = Date.now();
    // moto keeps what is put, also under AWS/SQS, which stands in for the datapoints SQS itself publishes.
    await clients.cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SQS',
        MetricData: [
          {
            MetricName: 'ApproximateAgeOfOldestMessage',
            Dimensions: [{ Name: 'QueueName', Value: 'StatusStack-ingest' }],
            Timestamp: new Date(now - 120_000),
            Value: 125,
          },
        ],
      }),
    );
    await clients.dynamoDb.send(
      new PutItemCommand({
        TableName: outputs.TriggerLedgerTableName,
        Item: toLedgerItem({
          importUuid: BUSY_IMPORT,
          version: 4,
          triggeredAtMs: now - 3_600_000,
          busyUntilMs: now + 300_000,
          lastOutcome: {
            verdict: 'busy',
            status: '405',
            atMs: now - 60_000,
            message: 'Error: Action not supported',
          },
          waiting: { files: 3, atMs: now - 60_000 },
        }),
      }),
    );

    // Act
    const run = await runOpsWith({ clients, now: () => now }, ['status', '--stack', 'StatusStack']);

    // Assess
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toEqual(
      expect.arrayContaining([
        'QUEUE        VISIBLE  IN FLIGHT  DELAYED  URL',
        `ingest       1        1          1        ${ingestUrl}`,
        `dead-letter  1        0          0        ${outputs.DeadLetterQueueUrl}`,
      ]),
    );
    const printed = run.lines.join('\n');
    expect(printed).toContain('Oldest ingest message: 2 min (CloudWatch, minute of ');
    expect(printed).toContain(
      "1 message(s) in the dead-letter queue: see them with 'npm run ops -- redrive --dry-run'",
    );
    expect(printed).toContain('Imports (trigger ledger StatusStack-ledger):');
    expect(run.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${IMPORTS[0]?.uuid} {2}customers/daily/ +never +- +- +-$`)),
    );
    const row = run.lines.find((line) => line.startsWith(BUSY_IMPORT)) ?? '';
    expect(row).toContain('(not deployed)');
    expect(row).toContain('(1 h ago)');
    expect(row).toContain('busy 405, ');
    expect(row).toContain(': Error: Action not supported');
    expect(row).toContain('(in 5 min)');
    expect(row).toMatch(/ {2}3 \(1 min ago\)$/);
  });

  it('says the ledger is off when the stack has no ledger table output, and the age unknown without a datapoint', async () => {
    // Prepare
    await createOpsStack(clients.cloudFormation, stackSpec('NoLedgerStack', false));

    // Act
    const run = await runOpsWith({ clients }, ['status', '--stack', 'NoLedgerStack']);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toContain(
      'Trigger ledger: off (the stack has no TriggerLedgerTableName output): no per-import history.',
    );
    expect(run.lines.join('\n')).toContain('Oldest ingest message: unknown (no CloudWatch datapoint');
  });

  it('still shows the queues when the ledger table cannot be read, saying why', async () => {
    // Prepare: the table is gone (deleted by hand, say) while the stack still names it.
    const outputs = await createOpsStack(clients.cloudFormation, stackSpec('GoneLedgerStack'));
    await clients.dynamoDb.send(new DeleteTableCommand({ TableName: outputs.TriggerLedgerTableName }));

    // Act
    const run = await runOpsWith({ clients }, ['status', '--stack', 'GoneLedgerStack']);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toContainEqual(expect.stringMatching(/^ingest {7}0/));
    expect(run.lines.at(-1)).toMatch(
      /^Trigger ledger GoneLedgerStack-ledger: unreadable \(.+\): no per-import history\.$/,
    );
  });

  it('names the stack and region in one line when the stack does not exist', async () => {
    // Act
    const run = await runOpsWith({ clients, env: { AWS_REGION: 'us-east-1' } }, [
      'status',
      '--stack',
      'Nope',
    ]);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(run.errors).toEqual([
      'ops status failed: stack Nope was not found in region us-east-1: check --stack and --region',
    ]);
  });
});
