import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionCounts } from '../../local/sandbox/formatSession';
import { type CliDeps, EXIT, runSandboxCli } from '../../local/sandbox/runSandboxCli';
import type { Sandbox, SandboxOptions } from '../../local/sandbox/startSandbox';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SECRET = 'live-key-that-must-never-be-printed';
const COUNTS: SessionCounts = {
  files: 1,
  triggers: 1,
  blueshiftCalls: 1,
  runs: 1,
  covered: 0,
  retried: 0,
  deadLetters: 0,
};

/** A sandbox that only records what it was asked, with the counts and drain result given. */
function fakeSandbox(counts: Partial<SessionCounts> = {}, drained = true) {
  const seen = { options: undefined as SandboxOptions | undefined, drops: [] as string[], stopped: 0 };
  const start = async (options: SandboxOptions) => {
    seen.options = options;
    return {
      drop: async (key: string) => void seen.drops.push(key),
      settle: async () => drained,
      counts: async () => ({ ...COUNTS, ...counts }),
      stop: async () => void seen.stopped++,
    } as unknown as Sandbox;
  };
  return { seen, start };
}

function cli(overrides: Partial<CliDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    cwd: REPO_ROOT,
    env: {},
    print: (line) => out.push(line),
    error: (line) => err.push(line),
    confirm: undefined,
    readFile: () => Buffer.from('email\n'),
    onInterrupt: (stop) => stop(),
    ...overrides,
  };
  return { deps, out, err, all: () => [...out, ...err].join('\n') };
}

const ONCE = ['--once', 'sample.csv', '--key', 'customers/daily/sample.csv'];

describe('Function: runSandboxCli()', () => {
  it('drops the file under its key, prints the summary, stops the sandbox and exits 0', async () => {
    // Prepare
    const sandbox = fakeSandbox();
    const run = cli({ start: sandbox.start });

    // Act
    const code = await runSandboxCli(ONCE, run.deps);

    // Assess
    expect(code).toBe(EXIT.ok);
    expect(sandbox.seen.drops).toEqual(['customers/daily/sample.csv']);
    expect(run.out.at(-1)).toMatch(/^summary: 1 file\(s\), 1 trigger\(s\)/);
    expect(sandbox.seen.stopped).toBe(1);
  });

  it('exits 1 when the file ended in the dead-letter queue', async () => {
    // Prepare
    const sandbox = fakeSandbox({ deadLetters: 1 });

    // Act + Assess
    expect(await runSandboxCli(ONCE, cli({ start: sandbox.start }).deps)).toBe(EXIT.outcome);
    expect(sandbox.seen.stopped).toBe(1);
  });

  it('exits 1 and says why when no notification reached the queue', async () => {
    // Prepare
    const run = cli({ start: fakeSandbox({ files: 0, triggers: 0 }).start });

    // Act
    const code = await runSandboxCli(['--once', 'sample.csv', '--key', 'elsewhere/sample.csv'], run.deps);

    // Assess
    expect(code).toBe(EXIT.outcome);
    expect(run.err).toEqual([
      expect.stringContaining('no notification reached the queue for elsewhere/sample.csv'),
    ]);
  });

  it('exits 1 when the queue did not drain in time', async () => {
    // Prepare
    const run = cli({ start: fakeSandbox({}, false).start });

    // Act + Assess
    expect(await runSandboxCli([...ONCE, '--timeout', '5'], run.deps)).toBe(EXIT.outcome);
    expect(run.err).toEqual(['npm start: the queue still held messages after 5 s']);
  });

  it('exits 2 on bad arguments and on an invalid config, before starting anything', async () => {
    // Prepare
    const sandbox = fakeSandbox();
    const bad = cli({ start: sandbox.start });
    const invalid = cli({ start: sandbox.start });

    // Act
    const codes = [
      await runSandboxCli(['--fail', 'lots'], bad.deps),
      await runSandboxCli(['-c', 'blueshiftImportTrigger={"imports":[]}'], invalid.deps),
    ];

    // Assess
    expect(codes).toEqual([EXIT.usage, EXIT.usage]);
    expect(bad.err).toEqual(['npm start: --fail: expected a share like 30% (0..100%), got lots']);
    expect(invalid.err.join('\n')).toContain('imports');
    expect(sandbox.seen.options).toBeUndefined();
  });

  it('refuses --live without BLUESHIFT_API_KEY, and without a terminal to confirm on unless --yes', async () => {
    // Prepare
    const sandbox = fakeSandbox();
    const noKey = cli({ start: sandbox.start });
    const noTerminal = cli({ start: sandbox.start, env: { BLUESHIFT_API_KEY: SECRET } });

    // Act
    const codes = [
      await runSandboxCli(['--live'], noKey.deps),
      await runSandboxCli(['--live'], noTerminal.deps),
    ];

    // Assess
    expect(codes).toEqual([EXIT.usage, EXIT.usage]);
    expect(noKey.err).toEqual(['npm start: --live needs the User API key in BLUESHIFT_API_KEY']);
    expect(noTerminal.err).toEqual([expect.stringContaining('add --yes')]);
    expect(sandbox.seen.options).toBeUndefined();
  });

  it('asks before going live, runs nothing on no, and hands the key to the sandbox without printing it', async () => {
    // Prepare
    const refused = fakeSandbox();
    const accepted = fakeSandbox();
    const questions: string[] = [];
    const no = cli({ start: refused.start, env: { BLUESHIFT_API_KEY: SECRET }, confirm: async () => false });
    const yes = cli({
      start: accepted.start,
      env: { BLUESHIFT_API_KEY: SECRET },
      confirm: async (question) => {
        questions.push(question);
        return true;
      },
    });

    // Act
    const codes = [
      await runSandboxCli(['--live'], no.deps),
      await runSandboxCli(['--live', ...ONCE], yes.deps),
    ];

    // Assess
    expect(codes).toEqual([EXIT.ok, EXIT.ok]);
    expect(refused.seen.options).toBeUndefined();
    expect(questions).toEqual([
      expect.stringContaining('REAL Blueshift imports at https://api.getblueshift.com'),
    ]);
    expect(accepted.seen.options?.live).toEqual({ apiKey: SECRET });
    expect(no.all() + yes.all() + questions.join('')).not.toContain(SECRET);
  });

  it('exits 3 with the reason when the sandbox cannot start (moto_server missing)', async () => {
    // Prepare
    const run = cli({
      start: async () => {
        throw new Error(
          'moto_server is not installed or not on PATH; install it with: pip install "moto[server]"',
        );
      },
    });

    // Act
    const code = await runSandboxCli(ONCE, run.deps);

    // Assess
    expect(code).toBe(EXIT.environment);
    expect(run.err).toEqual([
      'npm start: moto_server is not installed or not on PATH; install it with: pip install "moto[server]"',
    ]);
  });
});
