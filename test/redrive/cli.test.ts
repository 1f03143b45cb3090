import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { EXIT } from '../../scripts/redrive/runRedrive';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'scripts', 'redrive', 'cli.ts');
/** What the AWS SDK prints when it warns about the Node version. */
const SDK_WARNING = /NodeVersion|support/i;

/**
 * The environment of an operator's shell: no AWS settings at all (no profile files either), and not the
 * warning switch vitest sets for the tests themselves, so the CLI must set it on its own.
 */
function bareEnvironment(): Record<string, string> {
  const home = mkdtempSync(path.join(tmpdir(), 'redrive-cli-home-'));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Runs `npm run redrive -- …` in its own process, as an operator would. */
async function runCli(args: readonly string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: REPO_ROOT,
        env,
        timeout: 60_000,
      },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

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
