import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawConfigFactory } from './synthesizeStack';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const outdirs: string[] = [];

/** Runs bin/app.ts the way `cdk synth` does: context in CDK_CONTEXT_JSON, output to CDK_OUTDIR. */
const runApp = (context: Record<string, unknown>) => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'blueshift-app-'));
  outdirs.push(outdir);
  const { CDK_DEFAULT_ACCOUNT: _account, CDK_DEFAULT_REGION: _region, ...env } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
  });
  return { ...result, outdir };
};

describe('App: bin/app.ts', () => {
  afterEach(() => {
    for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
  });

  it('synthesises the stack under the stackName from context, with no account or region set', () => {
    // Act
    const run = runApp({ blueshiftImportTrigger: rawConfigFactory(), stackName: 'ImportTriggerStaging' });

    // Assess
    expect(run.stderr).not.toMatch(/AwsSolutions/);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(run.outdir, 'ImportTriggerStaging.template.json'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(run.outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('fails on an invalid configuration, printing every problem and writing no template', () => {
    // Act
    const run = runApp({
      blueshiftImportTrigger: { imports: [{ prefix: '', uuid: 'bad' }], apiRegion: 'mars' },
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid blueshiftImportTrigger configuration (3 problem(s))');
    expect(run.stderr).toContain('blueshiftImportTrigger.imports[0].prefix: must be a non-empty string');
    expect(run.stderr).toContain('blueshiftImportTrigger.imports[0].uuid: must be an import task UUID');
    expect(run.stderr).toContain('blueshiftImportTrigger.apiRegion: must be one of us, eu (got "mars")');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(run.outdir).filter((file) => file.endsWith('.template.json'))).toEqual([]);
  });
});
