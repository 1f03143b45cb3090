import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../../local/sandbox/parseSandboxArgs';

describe('Function: parseSandboxArgs()', () => {
  it('reads a one-off drop with the stand-in’s modes', () => {
    // Act
    const args = parseSandboxArgs([
      '--once',
      'sample.csv',
      '--key',
      'customers/daily/sample.csv',
      '--run-seconds',
      '60',
      '--fail',
      '30%',
      '--rate-limit',
      '--config',
      'config/dev.json',
    ]);

    // Assess
    expect(args).toEqual({
      configFile: 'config/dev.json',
      once: { file: 'sample.csv', key: 'customers/daily/sample.csv' },
      behaviour: { runSeconds: 60, fail: { share: 0.3 }, rateLimit: { calls: 1, perSeconds: 10 } },
    });
  });

  it('reads --busy as a stand-in that always answers 405', () => {
    // Act & Assess
    expect(parseSandboxArgs(['--once', 'a.csv', '--key', 'k', '--busy']).behaviour).toEqual({ busy: true });
  });

  it('lists every problem with the usage line', () => {
    // Act
    const parsing = () => parseSandboxArgs(['--once', 'a.csv', '--fail', 'lots', '--verbose']);

    // Assess
    expect(parsing).toThrow('unknown argument --verbose');
    expect(parsing).toThrow('--once and --key go together');
    expect(parsing).toThrow('--fail must be a share from 0% to 100%');
    expect(parsing).toThrow('usage: npm start');
  });

  it('asks for --once until the interactive sandbox exists', () => {
    // Act & Assess
    expect(() => parseSandboxArgs([])).toThrow(/--once <file> --key <key> is required/);
  });
});
