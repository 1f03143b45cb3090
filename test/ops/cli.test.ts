import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { EXIT } from '../../scripts/ops/runOps';
import { createOpsStack } from './support/opsStackOnMoto';
import { bareEnvironment, motoEnvironment, runOpsCli, SDK_WARNING } from './support/runOpsCli';

const UUID = '11111111-2222-4333-8444-555555555555';

describe('CLI: npm run ops, in its own process', () => {
  let moto: MotoServer;
  let cloudFormation: CloudFormationClient;

  beforeAll(async () => {
    moto = await startMotoServer();
    cloudFormation = new CloudFormationClient(awsClientConfig(moto.endpoint));
    await createOpsStack(cloudFormation, {
      stackName: 'BlueshiftImportTrigger',
      imports: [{ prefix: 'customers/', uuid: UUID }],
      apiBaseUrl: 'http://127.0.0.1:9',
      apiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:unused',
    });
  });
  afterAll(async () => {
    cloudFormation?.destroy();
    await moto?.stop();
  });

  it('shows the status of the default stack with no AWS SDK warning', async () => {
    // Act
    const run = await runOpsCli(['status'], motoEnvironment(moto.endpoint));

    // Assess
    expect(run.stderr.split('\n').filter((line) => SDK_WARNING.test(line))).toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stdout).toContain('QUEUE        VISIBLE  IN FLIGHT  DELAYED  URL');
    expect(run.stdout).toContain('Imports (trigger ledger BlueshiftImportTrigger-ledger):');
  });

  it('refuses to trigger when standard input is not a terminal and --yes is not given', async () => {
    // Act
    const run = await runOpsCli(['trigger', UUID], motoEnvironment(moto.endpoint));

    // Assess
    expect(run.exitCode).toBe(EXIT.failure);
    expect(run.stderr).toBe(
      'ops trigger failed: refusing to trigger without a confirmation: standard input is no terminal; add --yes\n',
    );
  });

  it('says in one line that the region is missing', async () => {
    // Act
    const run = await runOpsCli(['status'], bareEnvironment());

    // Assess
    expect(run.exitCode).toBe(EXIT.failure);
    expect(run.stderr).toBe(
      'ops status failed: no AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION\n',
    );
  });

  it('says in one line that no credentials were found', async () => {
    // Act
    const run = await runOpsCli(['status', '--region', 'eu-west-1'], bareEnvironment());

    // Assess
    expect(run.exitCode).toBe(EXIT.failure);
    expect(run.stderr).toMatch(
      /^ops status failed: no usable AWS credentials \(.*\): set AWS_PROFILE, .*\n$/,
    );
  });

  it('answers resolve --local from cdk.json without AWS settings', async () => {
    // Act
    const run = await runOpsCli(['resolve', 'customers/vip/a.json', '--local'], bareEnvironment());

    // Assess
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stdout).toContain(
      '"customers/vip/a.json" triggers import 7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e',
    );
  });
});
