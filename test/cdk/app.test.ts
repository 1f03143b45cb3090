import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROBE_ID } from './insecureQueueProbe';
import { rawConfigFactory, SKIP_BUNDLING_CONTEXT } from './synthesizeStack';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const outdirs: string[] = [];

/**
 * Runs bin/app.ts the way `cdk synth` does (context in CDK_CONTEXT_JSON, output to CDK_OUTDIR), without
 * bundling; `preload` modules run first.
 */
const runApp = (context: Record<string, unknown>, preload: readonly string[] = []) => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'blueshift-app-'));
  outdirs.push(outdir);
  const { CDK_DEFAULT_ACCOUNT: _account, CDK_DEFAULT_REGION: _region, ...env } = process.env;
  const imports = ['tsx', ...preload].flatMap((module) => ['--import', module]);
  const result = spawnSync(process.execPath, [...imports, 'bin/app.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...SKIP_BUNDLING_CONTEXT, ...context }),
    },
  });
  return { ...result, outdir };
};

/** The validation report the app wrote, if any. */
const validationReport = (outdir: string) =>
  JSON.parse(readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };

describe('App: bin/app.ts', () => {
  afterEach(() => {
    for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
  });

  it('synthesises the stack under the stackName from context, with no account or region set', () => {
    // Act
    const run = runApp({ blueshiftImportTrigger: rawConfigFactory(), stackName: 'ImportTriggerStaging' });

    // Assess
    expect(run.stderr).not.toMatch(/AwsSolutions|Serverless/);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(run.outdir, 'ImportTriggerStaging.template.json'))).toBe(true);
    expect(validationReport(run.outdir).pluginReports).toEqual([]);
  });

  it('runs the AwsSolutions and Serverless checks on the whole app: a deliberately insecure queue fails synthesis', () => {
    // Act
    const run = runApp({ blueshiftImportTrigger: rawConfigFactory() }, [
      path.join(import.meta.dirname, 'insecureQueueProbe.ts'),
    ]);

    // Assess
    expect(run.status).not.toBe(0);
    const reports = validationReport(run.outdir).pluginReports;
    expect(reports.map((report) => report.pluginName).sort()).toEqual(['AwsSolutions', 'Serverless']);
    const rulesBroken = Object.fromEntries(
      reports.map((report) => [report.pluginName, report.violations.map((violation) => violation.ruleName)]),
    );
    expect(rulesBroken.AwsSolutions).toContain('AwsSolutions-SQS4');
    expect(rulesBroken.Serverless).toContain('Serverless-SQSRedrivePolicy');
    const paths = reports.flatMap((report) =>
      report.violations.flatMap((violation) =>
        violation.violatingConstructs.map((construct) => construct.constructPath),
      ),
    );
    expect(paths.length).toBeGreaterThan(1);
    for (const constructPath of paths) expect(constructPath).toContain(PROBE_ID);
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
