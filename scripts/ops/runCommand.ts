import { UsageError } from './errors';
import { explainFailure } from './explainFailure';
import type { StackOptions } from './parseCommandArgs';
import { resolveRegion } from './resolveRegion';
import type { OpsClients, OpsDependencies } from './types';

/** The CLI's exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What a command's body gets: its options, lazily made clients (not every run needs AWS), the world. */
export interface CommandContext<Options> {
  readonly options: Options;
  readonly region?: string;
  readonly clients: () => OpsClients;
  readonly deps: OpsDependencies;
}

/** One ops command: its name, help text, argument parser and body (resolving true when all went well). */
export interface OpsCommand<Options extends { readonly stack: StackOptions }> {
  readonly name: string;
  readonly usage: string;
  readonly parse: (argv: readonly string[]) => Options;
  readonly run: (context: CommandContext<Options>) => Promise<boolean>;
}

/**
 * Runs a command the way every ops command runs: usage errors exit 2 with the help, `--help` prints it, any
 * failure is one line (`ops NAME failed: …`) and exit 1, never a stack trace.
 */
export async function runCommand<Options extends { readonly stack: StackOptions }>(
  command: OpsCommand<Options>,
  argv: readonly string[],
  deps: OpsDependencies,
): Promise<number> {
  const { output } = deps;
  let options: Options;
  try {
    options = command.parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.error(`ops ${command.name}: ${error.message}\n\n${command.usage}`);
    return EXIT.usage;
  }
  if (options.stack.help) {
    output.log(command.usage);
    return EXIT.ok;
  }
  const region = resolveRegion(options.stack.region, deps.env);
  let clients: OpsClients | undefined;
  try {
    const done = await command.run({
      options,
      ...(region ? { region } : {}),
      clients: () => {
        clients ??= deps.createClients(region);
        return clients;
      },
      deps,
    });
    return done ? EXIT.ok : EXIT.failure;
  } catch (error) {
    const context = { stackName: options.stack.stackName, ...(region ? { region } : {}) };
    output.error(`ops ${command.name} failed: ${explainFailure(error, context)}`);
    return EXIT.failure;
  }
}
