import { runRedrive } from './redrive/runRedrive';
import { resolveCommand } from './resolve/resolveCommand';
import { EXIT, runCommand } from './runCommand';
import { statusCommand } from './status/statusCommand';
import { triggerCommand } from './trigger/triggerCommand';
import type { OpsDependencies } from './types';

export { EXIT } from './runCommand';

export const OPS_USAGE = `Usage: npm run ops -- COMMAND [options]     (COMMAND --help for its options)

Commands:
  status              Queue depths, oldest message age, and per import its last trigger and outcome
  resolve KEY         Which import an S3 key would trigger, and why (deployed config, or --local)
  trigger UUID|PREFIX Trigger an import now, after a confirmation
  redrive             Send the dead-letter queue's messages back to the ingest queue (also: npm run redrive)

Every command reads the stack (--stack, default BlueshiftImportTrigger) in the region from --region,
AWS_REGION or AWS_DEFAULT_REGION, with the AWS SDK's usual credentials (AWS_PROFILE, ...).

Exit codes: 0 done, 1 failed, 2 usage error.`;

/** Each command with its own options type, run the one way every command runs. */
const COMMANDS: Readonly<
  Record<string, (argv: readonly string[], deps: OpsDependencies) => Promise<number>>
> = {
  status: (argv, deps) => runCommand(statusCommand, argv, deps),
  resolve: (argv, deps) => runCommand(resolveCommand, argv, deps),
  trigger: (argv, deps) => runCommand(triggerCommand, argv, deps),
  redrive: (argv, deps) => runRedrive(argv, deps),
};

/** Runs `npm run ops -- COMMAND …` on its arguments (without `node script`) and resolves to the exit code. */
export async function runOps(argv: readonly string[], deps: OpsDependencies): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    deps.output.log(OPS_USAGE);
    return EXIT.ok;
  }
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) {
    const problem = command === undefined ? 'no command given' : `unknown command '${command}'`;
    deps.output.error(`ops: ${problem}\n\n${OPS_USAGE}`);
    return EXIT.usage;
  }
  return run(rest, deps);
}
