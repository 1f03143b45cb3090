import type { z } from 'zod';
import {
  appConfigSchema,
  CONFIG_CONTEXT_KEY,
  type ResolvedAppConfig,
  type ResolvedSettings,
  triggerSettingsSchema,
} from './schema';

/** Thrown when the configuration has problems; `problems` lists every one with its field path. */
export class ConfigError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(
      `Invalid ${CONFIG_CONTEXT_KEY} configuration (${problems.length} problem(s)):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

/** `blueshiftImportTrigger.imports[0].uuid`: the context key, then each step of the path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    CONFIG_CONTEXT_KEY +
    path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${String(step)}`)).join('')
  );
}

/** One line per problem; an unknown-fields issue becomes one line per field it names. */
function problemsOf(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${fieldPath([...issue.path, key])}: ${issue.message}`)
      : [`${fieldPath(issue.path)}: ${issue.message}`],
  );
}

/** The raw value as an object: JSON text (as given with `-c`) is parsed; anything else not an object is refused. */
function asObject(raw: unknown): unknown {
  let input = raw;
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw);
    } catch (error) {
      throw new ConfigError([`${CONFIG_CONTEXT_KEY}: is not valid JSON (${(error as Error).message})`]);
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError([
      `${CONFIG_CONTEXT_KEY}: must be an object with at least "imports" (set it in cdk.json context or with -c)`,
    ]);
  }
  return input;
}

function validate<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(asObject(raw));
  if (!result.success) throw new ConfigError(problemsOf(result.error));
  return result.data;
}

/**
 * Checks the construct's settings (an object, or its JSON text) and applies defaults.
 * Throws one ConfigError that lists every problem found.
 */
export function validateSettings(raw: unknown): ResolvedSettings {
  return validate(triggerSettingsSchema, raw);
}

/**
 * Checks the app's configuration (the context value or a config file's content: an object or its JSON text) and
 * applies defaults. Throws one ConfigError that lists every problem found.
 */
export function validateAppConfig(raw: unknown): ResolvedAppConfig {
  return validate(appConfigSchema, raw);
}
