import { type CliDeps, EXIT } from './cliDeps';
import { formatSummary } from './formatSession';
import type { SandboxArgs } from './parseSandboxArgs';
import type { Sandbox } from './startSandbox';

/** `--once`: one drop, its lines, the summary; exit 1 when it ended in the dead-letter queue or went nowhere. */
export async function runOnce(
  sandbox: Sandbox,
  once: NonNullable<SandboxArgs['once']>,
  args: SandboxArgs,
  deps: CliDeps,
): Promise<number> {
  let body: Uint8Array;
  try {
    body = deps.readFile(once.file);
  } catch (error) {
    deps.error(`npm start: cannot read ${once.file} (${(error as NodeJS.ErrnoException).code ?? error})`);
    return EXIT.usage;
  }
  await sandbox.drop(once.key, body);
  const drained = await sandbox.settle(args.timeoutSeconds * 1000);
  const counts = await sandbox.counts();
  deps.print(formatSummary(counts));
  if (!drained) {
    deps.error(`npm start: the queue still held messages after ${args.timeoutSeconds} s`);
    return EXIT.outcome;
  }
  if (counts.files === 0) {
    deps.error(
      `npm start: no notification reached the queue for ${once.key}: S3's filters (the configured prefixes and suffixes) pass it to no import`,
    );
    return EXIT.outcome;
  }
  return counts.deadLetters > 0 ? EXIT.outcome : EXIT.ok;
}
