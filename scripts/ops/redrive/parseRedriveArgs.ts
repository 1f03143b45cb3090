import { parseArgs } from 'node:util';
import { UsageError } from '../errors';

export const DEFAULT_STACK_NAME = 'BlueshiftImportTrigger';

/** Limits of SQS's MaxNumberOfMessagesPerSecond, applied to --copy too. */
const RATE_LIMITS = [1, 500] as const;

/** Where the queues come from: the stack's outputs, or URLs given on the command line. */
export type QueueSource =
  | { readonly from: 'stack'; readonly stackName: string }
  | { readonly from: 'urls'; readonly deadLetterUrl: string; readonly sourceUrl?: string };

/** What the command line asks for. */
export interface RedriveOptions {
  readonly help: boolean;
  readonly mode: 'move' | 'copy' | 'dry-run';
  readonly queues: QueueSource;
  readonly region?: string;
  readonly maxPerSecond?: number;
}

/** Reads the CLI's arguments; throws UsageError for anything unknown, missing or contradictory. */
export function parseRedriveArgs(argv: readonly string[]): RedriveOptions {
  const { values } = parseOrExplain(argv);
  if (values.help) {
    return { help: true, mode: 'move', queues: { from: 'stack', stackName: DEFAULT_STACK_NAME } };
  }
  if (values['dry-run'] && values.copy) throw new UsageError('--dry-run and --copy cannot be combined');
  const mode = values['dry-run'] ? 'dry-run' : values.copy ? 'copy' : 'move';
  const maxPerSecond = values['max-per-second'] === undefined ? undefined : rate(values['max-per-second']);
  if (maxPerSecond !== undefined && mode === 'dry-run') {
    throw new UsageError('--max-per-second moves nothing in a dry run');
  }
  return {
    help: false,
    mode,
    queues: queueSource(values, mode),
    ...(values.region === undefined ? {} : { region: values.region }),
    ...(maxPerSecond === undefined ? {} : { maxPerSecond }),
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: 'string' },
        region: { type: 'string' },
        'dlq-url': { type: 'string' },
        'source-url': { type: 'string' },
        'dry-run': { type: 'boolean' },
        copy: { type: 'boolean' },
        'max-per-second': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its words, change only the type.
    throw new UsageError((error as Error).message);
  }
}

function queueSource(
  values: { stack?: string; 'dlq-url'?: string; 'source-url'?: string },
  mode: RedriveOptions['mode'],
): QueueSource {
  const { stack, 'dlq-url': deadLetterUrl, 'source-url': sourceUrl } = values;
  if (deadLetterUrl === undefined && sourceUrl === undefined) {
    return { from: 'stack', stackName: stack ?? DEFAULT_STACK_NAME };
  }
  if (stack !== undefined) throw new UsageError('give either --stack or queue URLs, not both');
  if (deadLetterUrl === undefined) throw new UsageError('--source-url needs --dlq-url');
  if (sourceUrl === undefined && mode !== 'dry-run') {
    throw new UsageError('--dlq-url needs --source-url to redrive');
  }
  return { from: 'urls', deadLetterUrl, ...(sourceUrl === undefined ? {} : { sourceUrl }) };
}

function rate(text: string): number {
  const value = Number(text);
  const [min, max] = RATE_LIMITS;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--max-per-second must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}
