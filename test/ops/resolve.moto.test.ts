import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { EXIT } from '../../scripts/ops/runOps';
import type { OpsClients } from '../../scripts/ops/types';
import { destroyClients, motoClients, runOpsWith } from './support/opsHarness';
import { createOpsStack } from './support/opsStackOnMoto';

const DAILY = { prefix: 'customers/daily/', uuid: '11111111-2222-4333-8444-555555555555', suffix: '.csv' };
const VIP = { prefix: 'customers/vip/', uuid: '66666666-7777-4888-9999-000000000000' };

/** An app directory whose cdk.json configures the given imports, as `cdk synth` reads it. */
function appDirectory(imports: readonly object[], files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ops-resolve-'));
  const context = { blueshiftImportTrigger: { imports, apiRegion: 'us' } };
  writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'true', context }));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), JSON.stringify(content));
  }
  return dir;
}

let moto: MotoServer;
let clients: OpsClients;

describe('Command: npm run ops -- resolve (against moto)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    clients = motoClients(moto.endpoint);
    await createOpsStack(clients.cloudFormation, {
      stackName: 'ResolveStack',
      imports: [DAILY, VIP],
      apiBaseUrl: 'http://127.0.0.1:9',
      apiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:unused',
    });
  });
  afterAll(async () => {
    destroyClients(clients);
    await moto?.stop();
  });

  it('names the import a key triggers under the deployed config, and the mapping it matched', async () => {
    // Act
    const run = await runOpsWith({ clients }, [
      'resolve',
      'customers/daily/2024 06 01.csv',
      '--stack',
      'ResolveStack',
    ]);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toEqual([
      'Under the deployed config of stack ResolveStack (2 mapping(s)):',
      `"customers/daily/2024 06 01.csv" triggers import ${DAILY.uuid}`,
      '  matched: prefix "customers/daily/", suffix ".csv"',
    ]);
  });

  it.each([
    ['customers/daily/2024.CSV', 'is under "customers/daily/" but does not end with ".csv"'],
    ['customers/daily/', 'ends with "/", a folder marker'],
    ['orders/2024.csv', 'is under no configured prefix'],
  ])('explains why %s triggers nothing under the deployed config', async (key, why) => {
    // Act
    const run = await runOpsWith({ clients }, ['resolve', key, '--stack', 'ResolveStack']);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines[1]).toContain(`"${key}" triggers nothing: it ${why}`);
  });

  it('--local answers under cdk.json’s config without any AWS call', async () => {
    // Prepare
    const cwd = appDirectory([VIP]);

    // Act
    const run = await runOpsWith({ clients, cwd }, ['resolve', 'customers/vip/a.json', '--local']);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toEqual([
      'Under the local config (1 mapping(s), as cdk synth would deploy it):',
      `"customers/vip/a.json" triggers import ${VIP.uuid}`,
      '  matched: prefix "customers/vip/", any ending',
    ]);
    expect(run.deps.createClients).not.toHaveBeenCalled();
  });

  it('--local --config reads a config file, and refuses it beside cdk.json’s inline config as synth does', async () => {
    // Prepare
    const withInline = appDirectory([VIP], { 'prod.json': { imports: [DAILY], apiRegion: 'us' } });
    const fileOnly = mkdtempSync(path.join(tmpdir(), 'ops-resolve-'));
    writeFileSync(path.join(fileOnly, 'prod.json'), JSON.stringify({ imports: [DAILY], apiRegion: 'us' }));

    // Act
    const refused = await runOpsWith({ clients, cwd: withInline }, [
      'resolve',
      'x',
      '--local',
      '--config',
      'prod.json',
    ]);
    const read = await runOpsWith({ clients, cwd: fileOnly }, [
      'resolve',
      'customers/daily/a.csv',
      '--local',
      '--config',
      'prod.json',
    ]);

    // Assess
    expect(refused.code).toBe(EXIT.failure);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(
      /^ops resolve failed: Invalid blueshiftImportTrigger configuration .*not both/,
    );
    expect(read.code).toBe(EXIT.ok);
    expect(read.lines[1]).toBe(`"customers/daily/a.csv" triggers import ${DAILY.uuid}`);
  });

  it('--local prints the synth warning about example import UUIDs', async () => {
    // Prepare
    const cwd = appDirectory([{ prefix: 'customers/vip/', uuid: '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e' }]);

    // Act
    const run = await runOpsWith({ clients, cwd }, ['resolve', 'customers/vip/a', '--local']);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.errors).toEqual([expect.stringMatching(/^warning: .*example import UUID/)]);
  });

  it('says so in one line when the deployed template carries no import mappings', async () => {
    // Prepare: a stack from before the metadata existed.
    await clients.cloudFormation.send(
      new CreateStackCommand({
        StackName: 'OldStack',
        TemplateBody: JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }),
      }),
    );

    // Act
    const run = await runOpsWith({ clients }, ['resolve', 'a', '--stack', 'OldStack']);

    // Assess
    expect(run.code).toBe(EXIT.failure);
    expect(run.errors).toEqual([
      'ops resolve failed: the template of stack OldStack carries no import mappings ' +
        '(metadata BlueshiftImportTrigger:Imports); redeploy it with this version, or use --local',
    ]);
  });
});
