import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'local', 'sandbox', 'cli.ts');
/** cdk.json's example import for `customers/daily/*.csv`. */
const DAILY = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';

let folder: string;
let sample: string;

/** Runs `npm start -- …` as a user would (the script's command, in its own process), with cdk.json's config. */
async function start(args: readonly string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO_ROOT,
      timeout: 180_000,
    });
    return { exitCode: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr };
  }
}

describe('End to end: npm start -- --once <file> --key <key> (the sandbox, non-interactive)', () => {
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'sandbox-once-'));
    sample = path.join(folder, 'sample.csv');
    writeFileSync(sample, 'email,first_name\na@example.com,A\n');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the drop, the call and the outcome of a file that triggers its import', async () => {
    // Act
    const run = await start(['--once', sample, '--key', 'customers/daily/sample.csv']);

    // Assess
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('dropped');
    expect(run.stdout).toMatch(
      new RegExp(`customers/daily/sample\\.csv → import ${DAILY} → 200 \\(triggered\\)`),
    );
    expect(run.stdout).toContain('outcome: customers/daily/sample.csv triggered its import');
  });

  it('prints the failing calls and the dead-letter queue when the stand-in fails every call', async () => {
    // Act
    const run = await start(['--once', sample, '--key', 'customers/daily/failing.csv', '--fail', '100%']);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/→ 503 \(transient\)/);
    expect(run.stdout).toContain('outcome: customers/daily/failing.csv is in the dead-letter queue');
  });
});
