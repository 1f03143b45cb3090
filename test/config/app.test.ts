import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_CONTEXT_KEY } from '../../lib/config/loadConfig';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { rawConfigFactory } from './factories';

const REPO = join(import.meta.dirname, '..', '..');

interface AppRun {
  readonly exitCode: number;
  readonly stderr: string;
  readonly files: readonly string[];
}

/** Runs bin/app.ts as `cdk synth` does: context in CDK_CONTEXT_JSON, the assembly into CDK_OUTDIR. */
async function runApp(context: Record<string, unknown>): Promise<AppRun> {
  const outdir = mkdtempSync(join(tmpdir(), 'app-'));
  const env = { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir };
  try {
    await promisify(execFile)('npx', ['tsx', 'bin/app.ts'], { cwd: REPO, env });
    return { exitCode: 0, stderr: '', files: readdirSync(outdir) };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return {
      exitCode: failed.code,
      stderr: failed.stderr,
      files: existsSync(outdir) ? readdirSync(outdir) : [],
    };
  }
}

const expectCleanConfigFailure = (run: AppRun, problem: RegExp) => {
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toMatch(/^Invalid blueshiftImportTrigger configuration \(1 problem\(s\)\):\n {2}- /);
  expect(run.stderr).toMatch(problem);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.files.filter((file) => file.endsWith('.template.json'))).toEqual([]);
};

describe('App: bin/app.ts', () => {
  it('fails an invalid stackName with the config error format, exit code 1 and no template', async () => {
    // Act
    const run = await runApp({ stackName: 'imports_prod', [CONFIG_CONTEXT_KEY]: rawConfigFactory() });

    // Assess
    expectCleanConfigFailure(run, /- stackName: must start with a letter/);
  }, 60_000);

  it('fails an invalid configuration without a stack trace or a template', async () => {
    // Act
    const run = await runApp({ [CONFIG_CONTEXT_KEY]: rawConfigFactory({ batchSize: 0 }) });

    // Assess
    expectCleanConfigFailure(run, /- blueshiftImportTrigger\.batchSize: must be a whole number/);
  }, 60_000);

  it('fails a config file that is missing the same way', async () => {
    // Act
    const run = await runApp({ [CONFIG_FILE_CONTEXT_KEY]: 'config/missing.json' });

    // Assess
    expectCleanConfigFailure(run, /- blueshiftImportTriggerFile: cannot read config\/missing\.json/);
  }, 60_000);
});
