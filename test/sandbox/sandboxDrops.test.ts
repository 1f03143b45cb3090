import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig } from '../../local/moto/motoServer';
import { loadSandboxConfig } from '../../local/sandbox/sandboxConfig';
import { type Sandbox, startSandbox } from '../../local/sandbox/startSandbox';
import { DAILY, VIP } from './factories';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The example's imports; a batching window gathers a burst, and a retry comes back after Y's trigger. */
const CONFIG = {
  imports: [DAILY, VIP],
  batchWindowSeconds: 2,
  retryBaseDelaySeconds: 5,
  retryMaxDelaySeconds: 5,
  // One call per invocation: a 503 fails the record rather than being retried at once.
  attemptsPerInvocation: 1,
};
const CSV = 'email\na@example.com\n';

let sandbox: Sandbox;
const printed: string[] = [];
const linesAbout = (key: string) => printed.filter((line) => line.includes(`${key} →`));
const callsFor = (uuid: string) =>
  sandbox.deployment.standIn.calls.filter((call) => (call.body as { uuid?: string }).uuid === uuid);

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; printed:\n${printed.join('\n')}`);
    await sleep(100);
  }
}

describe('Sandbox: files dropped into the emulated bucket (moto, stand-in)', () => {
  beforeAll(async () => {
    // -c overrides cdk.json's config, as with cdk synth.
    const config = loadSandboxConfig({
      cwd: REPO_ROOT,
      context: [`blueshiftImportTrigger=${JSON.stringify(CONFIG)}`],
    });
    sandbox = await startSandbox({
      config,
      standIn: { failShare: 0, busy: false, rateLimit: false, runSeconds: 0 },
      print: (line) => printed.push(line),
      // One batch at a time, so a burst within the window is one batch.
      maxConcurrency: 1,
    });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('coalesces two files dropped together into one call and prints one line per file', async () => {
    // Act
    await Promise.all([
      sandbox.drop('customers/daily/a.csv', CSV),
      sandbox.drop('customers/daily/b.csv', CSV),
    ]);
    expect(await sandbox.settle(30_000)).toBe(true);

    // Assess
    for (const key of ['customers/daily/a.csv', 'customers/daily/b.csv']) {
      expect(linesAbout(key)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^\\d\\d:\\d\\d:\\d\\d ${key} → 0f8c2f4e \\(customers/daily/\\) → triggered \\(200\\), 2 files coalesced into 1 call$`,
          ),
        ),
      ]);
    }
    expect(callsFor(DAILY.uuid).map((call) => call.response)).toEqual([200]);
  });

  it('acknowledges a retried file without a call once a later trigger covered it', async () => {
    // Prepare: X's first call fails; Y lands after it and is triggered before X comes back.
    sandbox.deployment.standIn.script(VIP.uuid, [{ status: 503 }]);
    await sandbox.drop('customers/vip/x.json', CSV);
    await until(() => linesAbout('customers/vip/x.json').length === 1);

    // Act
    await sandbox.drop('customers/vip/y.json', CSV);
    expect(await sandbox.settle(30_000)).toBe(true);

    // Assess
    expect(linesAbout('customers/vip/x.json')).toEqual([
      expect.stringMatching(
        /x\.json → 7d9e1c2b \(customers\/vip\/\) → failed \(transient 503: Service Unavailable - Try again later\.\) → retried later$/,
      ),
      expect.stringMatching(
        /x\.json → 7d9e1c2b \(customers\/vip\/\) → covered by the trigger at \d\d:\d\d:\d\d: no call \[receive 2 of 3\]$/,
      ),
    ]);
    expect(linesAbout('customers/vip/y.json')).toEqual([
      expect.stringMatching(/y\.json → .* → triggered \(200\)$/),
    ]);
    expect(callsFor(VIP.uuid).map((call) => call.response)).toEqual([503, 200]);
    expect(await sandbox.counts()).toMatchObject({ files: 4, triggers: 2, covered: 1, deadLetters: 0 });
  });

  it('offers the ops CLI a stack in moto whose outputs name the sandbox’s queues and ledger', async () => {
    // Prepare
    const cloudFormation = new CloudFormationClient(awsClientConfig(sandbox.endpoint));

    // Act
    const { Stacks = [] } = await cloudFormation.send(
      new DescribeStacksCommand({ StackName: sandbox.stackName }),
    );
    cloudFormation.destroy();

    // Assess
    const outputs = Object.fromEntries((Stacks[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs).toMatchObject({
      IngestQueueUrl: sandbox.deployment.ingestQueue.url,
      DeadLetterQueueArn: sandbox.deployment.deadLetterQueue.arn,
      TriggerLedgerTableName: sandbox.deployment.ledgerTable,
      BlueshiftApiBaseUrl: sandbox.deployment.standIn.url,
    });
    expect(outputs.ApiKeySecretArn).toMatch(/^arn:aws:secretsmanager:/);
  });
});
