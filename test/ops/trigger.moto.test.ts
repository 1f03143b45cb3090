import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromLedgerItem, LEDGER_KEY } from '../../contract/triggerLedger';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { EXIT } from '../../scripts/ops/runOps';
import type { OpsClients } from '../../scripts/ops/types';
import { destroyClients, motoClients, runOpsWith } from './support/opsHarness';
import { createOpsStack } from './support/opsStackOnMoto';

const DAILY = { prefix: 'customers/daily/', uuid: '11111111-2222-4333-8444-555555555555', suffix: '.csv' };
const VIP = { prefix: 'customers/vip/', uuid: '66666666-7777-4888-9999-000000000000' };
const STACK = 'TriggerStack';

let moto: MotoServer;
let clients: OpsClients;
let blueshift: BlueshiftStandIn;
let stackCount = 0;

/** A stack whose secret holds `secretValue`, pointing at the stand-in. */
async function stackWithSecret(secretValue: string, ledger = true): Promise<string> {
  const stackName = `${STACK}${++stackCount}`;
  const { ARN = '' } = await clients.secretsManager.send(
    new CreateSecretCommand({ Name: `${stackName}-api-key`, SecretString: secretValue }),
  );
  await createOpsStack(clients.cloudFormation, {
    stackName,
    imports: [DAILY, VIP],
    apiBaseUrl: blueshift.url,
    apiKeySecretArn: ARN,
    ledger,
  });
  return stackName;
}

async function ledgerEntry(stackName: string, uuid: string) {
  const { Item } = await clients.dynamoDb.send(
    new GetItemCommand({ TableName: `${stackName}-ledger`, Key: { [LEDGER_KEY]: { S: uuid } } }),
  );
  return Item ? fromLedgerItem(Item) : undefined;
}

const everything = (run: { lines: string[]; errors: string[] }) => [...run.lines, ...run.errors].join('\n');

describe('Command: npm run ops -- trigger (against moto and the Blueshift stand-in)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    clients = motoClients(moto.endpoint);
    blueshift = await startBlueshiftStandIn();
  });
  beforeEach(() => blueshift.reset());
  afterAll(async () => {
    destroyClients(clients);
    await blueshift?.close();
    await moto?.stop();
  });

  it('--yes triggers the import once, records the send time in the ledger and never prints the key', async () => {
    // Prepare
    const stackName = await stackWithSecret(JSON.stringify({ apiKey: blueshift.apiKey }));
    const before = Date.now();

    // Act
    const run = await runOpsWith({ clients }, ['trigger', DAILY.uuid, '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(blueshift.calls.map((call) => [call.body, call.response])).toEqual([[{ uuid: DAILY.uuid }, 200]]);
    expect(run.lines).toContain(`Triggered import ${DAILY.uuid} (triggered 200: ok) after 1 attempt(s).`);
    expect(run.lines.at(-1)).toMatch(
      /^Recorded in the trigger ledger \(sent \S+Z by AWS's clock\): files that landed before it, less the coverage margin, count as covered\.$/,
    );
    const entry = await ledgerEntry(stackName, DAILY.uuid);
    // By moto's clock (this machine's) read from its Date header: whole seconds, so up to 1 s early.
    expect(entry?.triggeredAtMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(entry?.triggeredAtMs).toBeLessThanOrEqual(blueshift.calls[0]?.at ?? 0);
    expect(entry?.lastOutcome).toMatchObject({ verdict: 'triggered', status: '200' });
    expect(everything(run)).not.toContain(blueshift.apiKey);
  });

  it("records by moto's clock when the operator's clock runs 5 minutes fast: never after the real call", async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);
    const fastClock = () => Date.now() + 5 * 60_000;

    // Act
    const run = await runOpsWith({ clients, now: fastClock }, [
      'trigger',
      DAILY.uuid,
      '--yes',
      '--stack',
      stackName,
    ]);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    const entry = await ledgerEntry(stackName, DAILY.uuid);
    expect(entry?.triggeredAtMs).toBeLessThanOrEqual(blueshift.calls[0]?.at ?? 0);
    expect(entry?.lastOutcome?.atMs).toBeLessThanOrEqual(Date.now());
  });

  it('retries a 503 as the function does and triggers on the second attempt', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);
    blueshift.script(VIP.uuid, [{ status: 503 }]);

    // Act
    const run = await runOpsWith({ clients }, ['trigger', 'customers/vip', '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(blueshift.calls.map((call) => call.response)).toEqual([503, 200]);
    expect(run.lines).toContain(`Triggered import ${VIP.uuid} (triggered 200: ok) after 2 attempt(s).`);
  });

  it('reports a 405 as busy with advice, exit 1, and records the outcome but no trigger', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);
    blueshift.script(DAILY.uuid, [{ status: 405 }]);

    // Act
    const run = await runOpsWith({ clients }, ['trigger', DAILY.uuid, '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(blueshift.calls).toHaveLength(1);
    expect(run.lines.at(-1)).toBe(
      `Not triggered: import ${DAILY.uuid} busy 405: Error: Action not supported after 1 attempt(s); ` +
        'the import is probably running already (a run takes minutes); try again later.',
    );
    const entry = await ledgerEntry(stackName, DAILY.uuid);
    expect(entry?.triggeredAtMs).toBeUndefined();
    expect(entry?.lastOutcome).toMatchObject({ verdict: 'busy', status: '405' });
  });

  it('asks first, and calls nothing when the answer is no', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);
    const confirm = vi.fn(async () => false);

    // Act
    const run = await runOpsWith({ clients, confirm }, ['trigger', 'customers/daily/', '--stack', stackName]);

    // Assess
    expect(confirm).toHaveBeenCalledWith(
      `Trigger import ${DAILY.uuid} (customers/daily/) now at ${blueshift.url}?`,
    );
    expect(run.code).toBe(EXIT.failure);
    expect(run.lines).toEqual(['Not triggered: not confirmed.']);
    expect(blueshift.calls).toEqual([]);
  });

  it('refuses without --yes when no terminal can answer, calling nothing', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);

    // Act
    const run = await runOpsWith({ clients }, ['trigger', DAILY.uuid, '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(run.errors).toEqual([
      'ops trigger failed: refusing to trigger without a confirmation: standard input is no terminal; add --yes',
    ]);
    expect(blueshift.calls).toEqual([]);
  });

  it('refuses an import that is not in the deployed config, naming the ones that are', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey);

    // Act
    const run = await runOpsWith({ clients }, ['trigger', 'orders/', '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(run.errors[0]).toBe(
      'ops trigger failed: "orders/" is neither an import UUID nor a configured prefix ' +
        `(it has: customers/daily/ -> ${DAILY.uuid}, customers/vip/ -> ${VIP.uuid})`,
    );
    expect(blueshift.calls).toEqual([]);
  });

  it('says the key is unavailable when the secret is empty, calling and recording nothing', async () => {
    // Prepare
    const stackName = await stackWithSecret('{"apiKey": ""}');

    // Act
    const run = await runOpsWith({ clients }, ['trigger', DAILY.uuid, '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(run.lines.at(-1)).toMatch(
      new RegExp(`^Not triggered: import ${DAILY.uuid} key-unavailable: secret .* has no "apiKey" value yet`),
    );
    expect(blueshift.calls).toEqual([]);
    expect(await ledgerEntry(stackName, DAILY.uuid)).toBeUndefined();
  });

  it('triggers without a ledger and says that nothing was recorded', async () => {
    // Prepare
    const stackName = await stackWithSecret(blueshift.apiKey, false);

    // Act
    const run = await runOpsWith({ clients }, ['trigger', VIP.uuid, '--yes', '--stack', stackName]);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines.at(-1)).toBe('The stack has no trigger ledger: nothing was recorded.');
  });
});
