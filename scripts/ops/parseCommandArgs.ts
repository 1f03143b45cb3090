import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';
import { DEFAULT_STACK_NAME } from './redrive/parseRedriveArgs';

/** Options every AWS-reading command takes. */
export interface StackOptions {
  readonly help: boolean;
  readonly stackName: string;
  readonly region?: string;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const STACK_FLAGS = {
  stack: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** A command line split into the common options, every option's value, and the positional arguments. */
export interface ParsedCommandArgs {
  readonly stack: StackOptions;
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments with the common flags (--stack, --region, --help) and its own; throws
 * UsageError with parseArgs' words for unknown options and missing values.
 */
export function parseCommandArgs(argv: readonly string[], extra: Options): ParsedCommandArgs {
  try {
    const parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { ...STACK_FLAGS, ...extra },
    });
    const values = parsed.values as ParsedCommandArgs['values'];
    const stack: StackOptions = {
      help: values.help === true,
      stackName: typeof values.stack === 'string' ? values.stack : DEFAULT_STACK_NAME,
      ...(typeof values.region === 'string' ? { region: values.region } : {}),
    };
    return { stack, values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The one positional argument a command takes, or a UsageError naming it. */
export function onePositional(positionals: readonly string[], name: string): string {
  const [first, ...rest] = positionals;
  if (first === undefined || first.trim() === '') throw new UsageError(`missing ${name}`);
  if (rest.length > 0) throw new UsageError(`one ${name} only (also got: ${rest.join(' ')})`);
  return first;
}
