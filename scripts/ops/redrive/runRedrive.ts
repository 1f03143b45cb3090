import { RedriveError, UsageError } from '../errors';
import { explainFailure } from '../explainFailure';
import { type Environment, resolveRegion } from '../resolveRegion';
import { checkIsDeadLetterQueue, checkRedrivePolicy } from './checkRedrivePolicy';
import { copyMessages } from './copyMessages';
import { moveMessages } from './moveMessages';
import { parseRedriveArgs, type RedriveOptions } from './parseRedriveArgs';
import { peekDeadLetters } from './peekDeadLetters';
import { queuesFromStack } from './queuesFromStack';
import { queuesFromUrls } from './queuesFromUrls';
import { refuseSameQueue } from './sameQueue';
import type { Output, RedriveClients, RedriveQueues, Sleep } from './types';
import { USAGE } from './usage';

/** The CLI's exit codes. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What the CLI needs from the world, handed in so tests can replace each part. */
export interface RedriveDependencies {
  readonly createClients: (region?: string) => RedriveClients;
  readonly output: Output;
  readonly sleep: Sleep;
  /** Where the region comes from when `--region` is not given (`process.env` in the CLI). */
  readonly env: Environment;
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
  const region = resolveRegion(options.region, dependencies.env);
  try {
    const { queues: given } = options;
    // Both URLs typed: refuse one queue given twice before asking AWS anything.
    if (given.from === 'urls' && given.sourceUrl !== undefined) {
      refuseSameQueue({ url: given.deadLetterUrl }, { url: given.sourceUrl });
    }
    const clients = dependencies.createClients(region);
    const queues = await findQueues(clients, options);
    // Two URLs can name one queue (another host name for it): their ARNs tell, and the stack's outputs too.
    if (queues.source) refuseSameQueue(queues.deadLetter, queues.source);
    const done = await runMode(options, queues, clients, dependencies);
    return done ? EXIT.ok : EXIT.failure;
  } catch (error) {
    const stackName = options.queues.from === 'stack' ? options.queues.stackName : undefined;
    output.error(`redrive failed: ${explainFailure(error, { stackName, ...(region ? { region } : {}) })}`);
    return EXIT.failure;
  }
}

function findQueues(clients: RedriveClients, { queues }: RedriveOptions): Promise<RedriveQueues> {
  return queues.from === 'stack'
    ? queuesFromStack(clients.cloudFormation, queues.stackName)
    : queuesFromUrls(clients.sqs, queues.deadLetterUrl, queues.sourceUrl);
}

async function runMode(
  options: RedriveOptions,
  queues: RedriveQueues,
  { sqs }: RedriveClients,
  { output, sleep }: RedriveDependencies,
): Promise<boolean> {
  const { deadLetter, source } = queues;
  // Checked in dry runs too: peeking an ingest queue given as the dead-letter queue would raise its messages'
  // receive counts towards its own maxReceiveCount.
  output.log(
    source
      ? await checkRedrivePolicy(sqs, deadLetter, source)
      : await checkIsDeadLetterQueue(sqs, deadLetter),
  );
  if (options.mode === 'dry-run') return peekDeadLetters({ sqs, queues, output });
  // parseRedriveArgs insists on --source-url outside dry runs, and a stack always names both queues.
  if (!source) throw new RedriveError('no ingest queue to redrive to');
  const rate = options.maxPerSecond === undefined ? {} : { maxPerSecond: options.maxPerSecond };
  const input = { sqs, deadLetter, source, output, sleep, ...rate };
  return options.mode === 'copy' ? copyMessages(input) : moveMessages(input);
}
