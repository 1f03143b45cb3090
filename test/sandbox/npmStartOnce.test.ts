import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm start -- …` in its own process, as on a fresh clone: the example config of cdk.json, sample.csv. */
async function npmStart(args: readonly string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['start', '--silent', '--', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      timeout: 180_000,
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('Command: npm start -- --once <file> --key <key> (example config, stand-in)', () => {
  it('uploads the file, prints its trigger line and the summary, and exits 0 with moto stopped', async () => {
    // Act
    const run = await npmStart(['--once', 'sample.csv', '--key', 'customers/daily/sample.csv']);

    // Assess
    expect(run.stderr).not.toMatch(/NodeVersion|support/i);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const pid = Number(/\(PID (\d+)\)/.exec(run.stdout)?.[1]);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d\d:\d\d:\d\d customers\/daily\/sample\.csv uploaded$/),
        expect.stringMatching(
          /^\d\d:\d\d:\d\d customers\/daily\/sample\.csv → 0f8c2f4e \(customers\/daily\/\) → triggered \(200\)$/,
        ),
      ]),
    );
    // The stand-in got exactly the one call, and it started a run.
    expect(lines.at(-1)).toBe(
      'summary: 1 file(s), 1 trigger(s) from 1 Blueshift call(s), 1 import run(s) started, 0 covered, 0 retried receive(s), 0 in the dead-letter queue',
    );
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('exits 1 with the retries and the dead-letter move printed when the stand-in fails every call', async () => {
    // Act
    const run = await npmStart([
      '--once',
      'sample.csv',
      '--key',
      'customers/daily/failing.csv',
      '--fail',
      '100%',
    ]);

    // Assess
    expect(run.exitCode).toBe(1);
    const failing = run.stdout.split('\n').filter((line) => line.includes('customers/daily/failing.csv →'));
    expect(failing).toHaveLength(3);
    expect(failing[0]).toMatch(
      /→ failed \(transient 503, 3 attempts: Service Unavailable - Try again later\.\) → retried later$/,
    );
    expect(failing[2]).toMatch(/\[receive 3 of 3\] → moves to the dead-letter queue$/);
    expect(run.stdout).toMatch(
      /dead-letter queue: 1 message\(s\) \(\+1\); redrive with npm run ops -- redrive --copy --stack BlueshiftSandbox/,
    );
    expect(run.stdout).toMatch(
      /summary: 1 file\(s\), 0 trigger\(s\) from 9 Blueshift call\(s\), 0 import run\(s\) started, .* 1 in the dead-letter queue$/m,
    );
  });
});
