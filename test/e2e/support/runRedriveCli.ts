import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LocalDeployment } from '../../../local/deployLocally';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO_ROOT, 'scripts', 'ops', 'cli.ts');

/** What the CLI printed and how it exited. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the ops CLI (`npm run redrive -- …`) as an operator would, in its own process, its AWS SDK pointed at
 * moto by the standard environment variables.
 */
export async function runRedriveCli(deployment: LocalDeployment, args: readonly string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', CLI, 'redrive', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...deployment.awsEnvironment },
        timeout: 60_000,
      },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
