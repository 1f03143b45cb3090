import { copyMessages } from './copyMessages';
import { RedriveError, UsageError } from './errors';
import { moveMessages } from './moveMessages';
import { parseRedriveArgs, type RedriveOptions } from './parseRedriveArgs';
import { peekDeadLetters } from './peekDeadLetters';
import { queuesFromStack } from './queuesFromStack';
import { queuesFromUrls } from './queuesFromUrls';
import type { Output, RedriveClients, RedriveQueues, Sleep } from './types';
import { USAGE } from './usage';

/** The CLI's exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What the CLI needs from the world, handed in so tests can replace each part. */
export interface RedriveDependencies {
  readonly createClients: (region?: string) => RedriveClients;
  readonly output: Output;
  readonly sleep: Sleep;
}

/** Runs the redrive CLI on its arguments (without `node script`) and resolves to the exit code. */
export async function runRedrive(
  argv: readonly string[],
  dependencies: RedriveDependencies,
): Promise<number> {
  const { output } = dependencies;
  let options: RedriveOptions;
  try {
    options = parseRedriveArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.error(`redrive: ${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (options.help) {
    output.log(USAGE);
    return EXIT.ok;
  }
  try {
    const clients = dependencies.createClients(options.region);
    const queues = await findQueues(clients, options);
    const done = await runMode(options, queues, clients, dependencies);
    return done ? EXIT.ok : EXIT.failure;
  } catch (error) {
    const { message } = error as Error;
    // The SDK's words alone do not say which flag fixes this.
    const hint = /region is missing/i.test(message) ? ' (give --region or set AWS_REGION)' : '';
    output.error(`redrive failed: ${message}${hint}`);
    return EXIT.failure;
  }
}

function findQueues(clients: RedriveClients, { queues }: RedriveOptions): Promise<RedriveQueues> {
  return queues.from === 'stack'
    ? queuesFromStack(clients.cloudFormation, queues.stackName)
    : queuesFromUrls(clients.sqs, queues.deadLetterUrl, queues.sourceUrl);
}

function runMode(
  options: RedriveOptions,
  queues: RedriveQueues,
  { sqs }: RedriveClients,
  { output, sleep }: RedriveDependencies,
): Promise<boolean> {
  if (options.mode === 'dry-run') return peekDeadLetters({ sqs, queues, output });
  const { deadLetter, source } = queues;
  // parseRedriveArgs insists on --source-url outside dry runs, and a stack always names both queues.
  if (!source) throw new RedriveError('no ingest queue to redrive to');
  const rate = options.maxPerSecond === undefined ? {} : { maxPerSecond: options.maxPerSecond };
  const input = { sqs, deadLetter, source, output, sleep, ...rate };
  return options.mode === 'copy' ? copyMessages(input) : moveMessages(input);
}
