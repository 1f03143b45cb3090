import path from 'node:path';
import { type CliDeps, EXIT } from './cliDeps';
import { formatBanner, formatSummary } from './formatSession';
import type { SandboxArgs } from './parseSandboxArgs';
import type { Sandbox } from './startSandbox';
import { watchFolder } from './watchFolder';

/** The interactive sandbox: the banner, the folder watched until Ctrl-C, then the summary. */
export async function runInteractive(sandbox: Sandbox, args: SandboxArgs, deps: CliDeps): Promise<number> {
  const { deployment } = sandbox;
  const folder = path.resolve(deps.cwd, args.folder ?? path.join('sandbox', deployment.bucket));
  for (const line of formatBanner({
    endpoint: sandbox.endpoint,
    bucket: deployment.bucket,
    folder,
    stackName: sandbox.stackName,
    imports: deployment.config.imports,
    blueshift: args.live ? `LIVE ${deployment.config.apiBaseUrl}` : standInDescription(args),
    timing: timingOf(deployment.config),
    awsEnvironment: deployment.awsEnvironment,
  }))
    deps.print(line);
  deps.print('Ctrl-C stops the sandbox.');
  const watcher = watchFolder(folder, (key, file) => {
    // A file removed again before it could be read is no drop.
    void (async () => sandbox.drop(key, deps.readFile(file)))().catch((error: Error) =>
      deps.error(`upload ${key}: ${error.message}`),
    );
  });
  await new Promise<void>((resolve) => deps.onInterrupt(resolve));
  deps.print('stopping: the poller, the stand-in and moto…');
  watcher.close();
  deps.print(formatSummary(await sandbox.counts()));
  return EXIT.ok;
}

function standInDescription(args: SandboxArgs): string {
  const { failShare, busy, rateLimit, runSeconds } = args.standIn;
  const modes = [
    runSeconds > 0 ? `runs last ${runSeconds} s` : 'runs end at once',
    ...(failShare > 0 ? [`${Math.round(failShare * 100)}% answered 503`] : []),
    ...(busy ? ['every call 405'] : []),
    ...(rateLimit ? ['1 call per 10 s, others 429'] : []),
  ];
  return `stand-in (${modes.join(', ')})`;
}

function timingOf(config: Sandbox['deployment']['config']): string {
  return (
    `batches of ${config.batchSize} (window ${config.batchWindowSeconds} s), retries after ` +
    `${config.retryBaseDelaySeconds}–${config.retryMaxDelaySeconds} s, dead-letter queue after ${config.maxReceiveCount} receives, ` +
    `ledger ${config.triggerLedger ? 'on' : 'off'}`
  );
}
