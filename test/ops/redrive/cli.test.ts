import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';
import { EXIT } from '../../../scripts/ops/redrive/runRedrive';
import { bareEnvironment, runOpsCli, SDK_WARNING } from '../support/runOpsCli';

/** Runs `npm run redrive -- …`: the ops CLI's redrive command. */
const runCli = (args: readonly string[], env: Record<string, string>) => runOpsCli(['redrive', ...args], env);

describe('CLI: npm run redrive, in its own process', () => {
  let moto: MotoServer;
  let sqs: SQSClient;

  beforeAll(async () => {
    moto = await startMotoServer();
    sqs = new SQSClient(awsClientConfig(moto.endpoint));
  });
  afterAll(async () => {
    sqs?.destroy();
    await moto?.stop();
  });

  it('prints no AWS SDK warning while it works against moto', async () => {
    // Prepare
    const { QueueUrl: deadLetterUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'cli-dlq' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }),
    );
    const RedrivePolicy = JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 3 });
    const { QueueUrl: sourceUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'cli-ingest', Attributes: { RedrivePolicy } }),
    );
    const env = {
      ...bareEnvironment(),
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    };

    // Act
    const run = await runCli(['--dry-run', '--dlq-url', deadLetterUrl, '--source-url', sourceUrl], env);

    // Assess
    expect(run.stdout).toContain('Dry run: nothing was moved or deleted.');
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stderr.split('\n').filter((line) => SDK_WARNING.test(line))).toEqual([]);
  });

  it('refuses to start without a region in one line, exit code 1, no warning and no stack trace', async () => {
    // Act
    const run = await runCli(['--dry-run', '--dlq-url', 'http://127.0.0.1:9/1/q'], bareEnvironment());

    // Assess
    expect(run.exitCode).toBe(EXIT.failure);
    expect(run.stderr).toBe(
      'redrive failed: no AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION\n',
    );
  });

  it('explains a bad argument with exit code 2 and no warning', async () => {
    // Act
    const run = await runCli(['--bogus'], bareEnvironment());

    // Assess
    expect(run.exitCode).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/^redrive: Unknown option '--bogus'/);
    expect(run.stderr).not.toMatch(SDK_WARNING);
  });
});
