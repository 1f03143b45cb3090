import path from 'node:path';
import { ConfigError } from '../../lib/config/validateConfig';
import { formatBanner, formatSummary } from './formatSession';
import { parseSandboxArgs, type SandboxArgs, USAGE } from './parseSandboxArgs';
import { loadSandboxConfig, type SandboxConfig } from './sandboxConfig';
import { type Sandbox, startSandbox } from './startSandbox';
import { watchFolder } from './watchFolder';

export const EXIT = { ok: 0, outcome: 1, usage: 2, environment: 3 } as const;

/** The variable `--live` reads the real User API key from. */
export const API_KEY_VARIABLE = 'BLUESHIFT_API_KEY';

export interface CliDeps {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print: (line: string) => void;
  readonly error: (line: string) => void;
  /** A yes/no question; absent when standard input is not a terminal. */
  readonly confirm: ((question: string) => Promise<boolean>) | undefined;
  readonly readFile: (file: string) => Uint8Array;
  /** Registers what Ctrl-C (or SIGTERM) does. */
  readonly onInterrupt: (stop: () => void) => void;
  /** @default startSandbox */
  readonly start?: typeof startSandbox;
}

/** `npm start -- …`: resolves to the exit code. */
export async function runSandboxCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const parsed = parseSandboxArgs(argv);
  if (parsed.kind === 'help') {
    deps.print(USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === 'error') {
    for (const problem of parsed.problems) deps.error(`npm start: ${problem}`);
    return EXIT.usage;
  }
  const { args } = parsed;
  let config: SandboxConfig;
  try {
    config = loadSandboxConfig({ cwd: deps.cwd, context: args.context, ...optional(args.configFile) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    deps.error(error.message);
    return EXIT.usage;
  }
  for (const warning of config.warnings) deps.print(`warning: ${warning}`);
  const live = await liveKey(args, config, deps);
  if (typeof live === 'number') return live;

  // moto's process is unref'd (a forgotten server must not hold a test run open); while the sandbox waits for
  // it to stop, this keeps the event loop alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    return await runSandbox(args, config, live, deps);
  } finally {
    clearInterval(keepAlive);
  }
}

async function runSandbox(
  args: SandboxArgs,
  config: SandboxConfig,
  live: { live?: { apiKey: string } },
  deps: CliDeps,
): Promise<number> {
  let sandbox: Sandbox;
  try {
    sandbox = await (deps.start ?? startSandbox)({
      config,
      standIn: args.standIn,
      print: deps.print,
      ...live,
    });
  } catch (error) {
    deps.error(`npm start: ${(error as Error).message}`);
    return EXIT.environment;
  }
  try {
    return await (args.once ? runOnce(sandbox, args.once, args, deps) : runInteractive(sandbox, args, deps));
  } finally {
    await sandbox.stop();
  }
}

const optional = (configFile: string | undefined) => (configFile === undefined ? {} : { configFile });

/** The key for `--live`, after the operator said yes; an exit code when not. Never prints the key. */
async function liveKey(
  args: SandboxArgs,
  config: SandboxConfig,
  deps: CliDeps,
): Promise<{ live?: { apiKey: string } } | number> {
  if (!args.live) return {};
  const apiKey = deps.env[API_KEY_VARIABLE]?.trim();
  if (!apiKey) {
    deps.error(`npm start: --live needs the User API key in ${API_KEY_VARIABLE}`);
    return EXIT.usage;
  }
  const targets = config.resolved.imports.map((mapping) => `${mapping.prefix} → ${mapping.uuid}`).join(', ');
  const question = `--live triggers REAL Blueshift imports at ${config.resolved.apiBaseUrl} (${targets}). Continue?`;
  if (!args.yes) {
    if (!deps.confirm) {
      deps.error('npm start: --live asks for confirmation on a terminal; add --yes to run without one');
      return EXIT.usage;
    }
    if (!(await deps.confirm(question))) return EXIT.ok;
  }
  return { live: { apiKey } };
}

async function runOnce(
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

async function runInteractive(sandbox: Sandbox, args: SandboxArgs, deps: CliDeps): Promise<number> {
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
    void sandbox
      .drop(key, deps.readFile(file))
      .catch((error: Error) => deps.error(`upload ${key}: ${error.message}`));
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
