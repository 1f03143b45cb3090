import type { ImportMapping } from './schema';

/** The Lambda's environment variable names: a contract between the stack and the handler. */
export const ENV = {
  apiBaseUrl: 'BLUESHIFT_API_BASE_URL',
  secretId: 'BLUESHIFT_SECRET_ID',
  imports: 'BLUESHIFT_IMPORTS',
  requestTimeoutSeconds: 'REQUEST_TIMEOUT_SECONDS',
  retryBaseDelaySeconds: 'RETRY_BASE_DELAY_SECONDS',
  retryMaxDelaySeconds: 'RETRY_MAX_DELAY_SECONDS',
  maxReceiveCount: 'MAX_RECEIVE_COUNT',
} as const;

/** What the handler needs at run time; no key material, only where to find it. */
export interface HandlerSettings {
  /** Blueshift API base URL without a trailing slash. */
  readonly apiBaseUrl: string;
  /** Secrets Manager secret name or ARN that holds the User API key. */
  readonly secretId: string;
  /** Prefix-to-import mappings. */
  readonly imports: readonly ImportMapping[];
  /** Timeout of one HTTP call. */
  readonly requestTimeoutSeconds: number;
  /** First redelivery delay; doubles per receive. */
  readonly retryBaseDelaySeconds: number;
  /** Longest redelivery delay. */
  readonly retryMaxDelaySeconds: number;
  /** Receives before SQS moves a message to the DLQ (for logging the last attempt). */
  readonly maxReceiveCount: number;
}

/** Serialises settings into the Lambda environment. */
export function toEnvironment(settings: HandlerSettings): Record<string, string> {
  return {
    [ENV.apiBaseUrl]: settings.apiBaseUrl,
    [ENV.secretId]: settings.secretId,
    [ENV.imports]: JSON.stringify(settings.imports),
    [ENV.requestTimeoutSeconds]: String(settings.requestTimeoutSeconds),
    [ENV.retryBaseDelaySeconds]: String(settings.retryBaseDelaySeconds),
    [ENV.retryMaxDelaySeconds]: String(settings.retryMaxDelaySeconds),
    [ENV.maxReceiveCount]: String(settings.maxReceiveCount),
  };
}

/** Reads settings from the Lambda environment; throws naming every missing or malformed variable. */
export function fromEnvironment(env: Readonly<Record<string, string | undefined>>): HandlerSettings {
  const problems: string[] = [];
  const text = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is not set`);
    return value ?? '';
  };
  const positive = (name: string): number => {
    const value = Number(text(name));
    if (!(value > 0)) problems.push(`${name} must be a positive number`);
    return value;
  };
  let imports: ImportMapping[] = [];
  try {
    imports = JSON.parse(text(ENV.imports) || '[]');
  } catch {
    problems.push(`${ENV.imports} is not JSON`);
  }
  const settings: HandlerSettings = {
    apiBaseUrl: text(ENV.apiBaseUrl).replace(/\/+$/, ''),
    secretId: text(ENV.secretId),
    imports,
    requestTimeoutSeconds: positive(ENV.requestTimeoutSeconds),
    retryBaseDelaySeconds: positive(ENV.retryBaseDelaySeconds),
    retryMaxDelaySeconds: positive(ENV.retryMaxDelaySeconds),
    maxReceiveCount: positive(ENV.maxReceiveCount),
  };
  if (problems.length > 0) throw new Error(`Invalid function environment: ${problems.join('; ')}`);
  return settings;
}
