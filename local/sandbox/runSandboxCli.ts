import { ConfigError } from '../../lib/config/validateConfig';
import { type CliDeps, EXIT } from './cliDeps';
import { parseSandboxArgs, type SandboxArgs, USAGE } from './parseSandboxArgs';
import { runInteractive } from './runInteractive';
import { runOnce } from './runOnce';
import { loadSandboxConfig, type SandboxConfig } from './sandboxConfig';
import { type Sandbox, startSandbox } from './startSandbox';

export { type CliDeps, EXIT } from './cliDeps';

/** The variable `--live` reads the real User API key from. */
export const API_KEY_VARIABLE = 'BLUESHIFT_API_KEY';

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
