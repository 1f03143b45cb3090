import path from 'node:path';
import {
  GetSecretValueCommand,
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { awsClientConfig } from '../../local/moto/motoServer';
import { loadSandboxConfig } from '../../local/sandbox/sandboxConfig';
import { type Sandbox, startSandbox } from '../../local/sandbox/startSandbox';
import { DAILY } from './factories';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const LIVE_KEY = 'the-operators-real-user-api-key';

let realApi: BlueshiftStandIn;
let sandbox: Sandbox;
const printed: string[] = [];

describe('Sandbox --live: the configured Blueshift API with the key from the environment', () => {
  beforeAll(async () => {
    // Prepare: a second stand-in plays "the real API" at the config's apiBaseUrl, accepting only the live key.
    realApi = await startBlueshiftStandIn({ apiKey: LIVE_KEY, knownUuids: [DAILY.uuid] });
    const config = loadSandboxConfig({
      cwd: REPO_ROOT,
      context: [`blueshiftImportTrigger=${JSON.stringify({ imports: [DAILY], apiBaseUrl: realApi.url })}`],
    });
    sandbox = await startSandbox({
      config,
      standIn: { failShare: 0, busy: false, rateLimit: false, runSeconds: 0 },
      live: { apiKey: LIVE_KEY },
      print: (line) => printed.push(line),
    });
  });
  afterAll(async () => {
    await sandbox?.stop();
    await realApi?.close();
  });

  it('triggers through the configured API with the key put in the emulated secret, and never prints it', async () => {
    // Act
    await sandbox.drop('customers/daily/live.csv', 'email\n');
    expect(await sandbox.settle(30_000)).toBe(true);

    // Assess
    expect(realApi.calls.map((call) => [call.body, call.response])).toEqual([[{ uuid: DAILY.uuid }, 200]]);
    expect(sandbox.deployment.standIn.calls).toEqual([]);
    const secrets = new SecretsManagerClient(awsClientConfig(sandbox.endpoint));
    const { SecretList = [] } = await secrets.send(new ListSecretsCommand({}));
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: SecretList[0]?.ARN }));
    secrets.destroy();
    expect(SecretString).toBe(LIVE_KEY);
    expect(printed.join('\n')).toContain(
      'customers/daily/live.csv → 0f8c2f4e (customers/daily/) → triggered (200)',
    );
    expect(printed.join('\n')).not.toContain(LIVE_KEY);
  });
});
