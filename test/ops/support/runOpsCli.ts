import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO_ROOT, 'scripts', 'ops', 'cli.ts');

/** What the AWS SDK prints when it warns about the Node version. */
export const SDK_WARNING = /NodeVersion|support/i;

/**
 * The environment of an operator's shell: no AWS settings at all (no profile files either), and not the
 * warning switch vitest sets for the tests themselves, so the CLI must set it on its own.
 */
export function bareEnvironment(): Record<string, string> {
  const home = mkdtempSync(path.join(tmpdir(), 'ops-cli-home-'));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** An operator's shell pointed at moto through the SDK's standard variables. */
export function motoEnvironment(endpoint: string): Record<string, string> {
  return {
    ...bareEnvironment(),
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
}

/** Runs `npm run ops -- …` in its own process (standard input not a terminal), as an operator's script would. */
export async function runOpsCli(args: readonly string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
