import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../local/sandbox/parseSandboxArgs';

const run = (argv: string[]) => {
  const parsed = parseSandboxArgs(argv);
  if (parsed.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(parsed)}`);
  return parsed.args;
};
const problems = (argv: string[]) => {
  const parsed = parseSandboxArgs(argv);
  return parsed.kind === 'error' ? parsed.problems : [];
};

describe('Function: parseSandboxArgs()', () => {
  it('runs interactively on the stand-in with no options', () => {
    // Act
    const args = run([]);

    // Assess
    expect(args).toEqual({
      context: [],
      standIn: { failShare: 0, busy: false, rateLimit: false, runSeconds: 0 },
      live: false,
      yes: false,
      timeoutSeconds: 120,
    });
  });

  it('reads --once with --key, -c pairs (repeated, and as --context=) and --config', () => {
    // Act
    const args = run([
      '--once',
      'sample.csv',
      '--key',
      'customers/daily/sample.csv',
      '-c',
      'stackName=Mine',
      '--context=apiRegion=eu',
      '--config',
      'config/prod.json',
    ]);

    // Assess
    expect(args.once).toEqual({ file: 'sample.csv', key: 'customers/daily/sample.csv' });
    expect(args.context).toEqual(['stackName=Mine', 'apiRegion=eu']);
    expect(args.configFile).toBe('config/prod.json');
  });

  it('reads the stand-in flags: a share as 30%, 30 or 0.3, busy, rate limit and the run length', () => {
    // Act
    const percent = run(['--fail', '30%', '--busy', '--rate-limit', '--run-seconds', '90']);

    // Assess
    expect(percent.standIn).toEqual({ failShare: 0.3, busy: true, rateLimit: true, runSeconds: 90 });
    expect(run(['--fail=30']).standIn.failShare).toBe(0.3);
    expect(run(['--fail', '0.3']).standIn.failShare).toBe(0.3);
  });

  it('lists every problem at once', () => {
    // Act
    const found = problems([
      '--once',
      'a.csv',
      '--fail',
      '130%',
      '--run-seconds',
      '-1',
      '--bogus',
      '-c',
      'novalue',
    ]);

    // Assess
    expect(found).toEqual([
      'unknown option --bogus (see --help)',
      '-c: expected key=value',
      '--fail: expected a share like 30% (0..100%), got 130%',
      '--run-seconds: expected 0..86400, got -1',
      '--once and --key go together',
    ]);
  });

  it('refuses stand-in flags and --yes where they cannot apply', () => {
    // Act + Assess
    expect(problems(['--live', '--fail', '10%'])).toEqual([
      '--live calls the real API: the stand-in flags (--fail, --busy, --rate-limit, --run-seconds) do not apply',
    ]);
    expect(problems(['--yes'])).toEqual(['--yes applies to --live only']);
    expect(run(['--live', '--yes'])).toMatchObject({ live: true, yes: true });
  });

  it('refuses a key with a leading slash and an option without its value', () => {
    // Act + Assess
    expect(problems(['--once', 'a.csv', '--key', '/customers/a.csv'])).toEqual([
      '--key: an S3 key, without a leading /',
    ]);
    expect(problems(['--folder'])).toEqual(['--folder: needs a value']);
  });

  it('answers help for -h and --help, whatever else is given', () => {
    // Act + Assess
    expect(parseSandboxArgs(['--bogus', '-h'])).toEqual({ kind: 'help' });
    expect(parseSandboxArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
