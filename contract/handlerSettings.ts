/** The Lambda's environment variable names: what the stack sets and the handler reads. */
export const ENV = {
  apiBaseUrl: 'BLUESHIFT_API_BASE_URL',
  secretId: 'BLUESHIFT_SECRET_ID',
  bucketName: 'WATCHED_BUCKET_NAME',
  requestTimeoutSeconds: 'REQUEST_TIMEOUT_SECONDS',
  attemptsPerInvocation: 'ATTEMPTS_PER_INVOCATION',
  maxConcurrentCalls: 'MAX_CONCURRENT_CALLS',
  retryBaseDelaySeconds: 'RETRY_BASE_DELAY_SECONDS',
  retryMaxDelaySeconds: 'RETRY_MAX_DELAY_SECONDS',
  maxReceiveCount: 'MAX_RECEIVE_COUNT',
  ledgerTableName: 'TRIGGER_LEDGER_TABLE',
  coverageMarginSeconds: 'COVERAGE_MARGIN_SECONDS',
  batchWindowSeconds: 'BATCH_WINDOW_SECONDS',
  maxSettleSeconds: 'MAX_SETTLE_SECONDS',
  /** Powertools reads it too: the `service` of every log line and the `service` dimension of every metric. */
  serviceName: 'POWERTOOLS_SERVICE_NAME',
} as const;

/** What the handler needs at run time: no key material and no per-import data (that ships in a file). */
export interface HandlerSettings {
  /** Blueshift API base URL without a trailing slash. */
  readonly apiBaseUrl: string;
  /** Secrets Manager secret name or ARN that holds the User API key. */
  readonly secretId: string;
  /** The one bucket whose notifications may trigger imports. */
  readonly bucketName: string;
  /** Timeout of one HTTP call. */
  readonly requestTimeoutSeconds: number;
  /** Calls per import per invocation, counting the one after a key refresh. */
  readonly attemptsPerInvocation: number;
  /** Blueshift calls in flight at once per invocation. */
  readonly maxConcurrentCalls: number;
  /** First redelivery delay; doubles per receive. */
  readonly retryBaseDelaySeconds: number;
  /** Longest redelivery delay. */
  readonly retryMaxDelaySeconds: number;
  /** Receives before SQS moves a message to the DLQ. */
  readonly maxReceiveCount: number;
  /** The trigger ledger's DynamoDB table; absent when the ledger is off (`triggerLedger: false`). */
  readonly ledgerTableName?: string;
  /** A file counts as covered only by a trigger sent at least this long after it landed (clock skew). */
  readonly coverageMarginSeconds: number;
  /** The event source's batching window: a probe's batch may take this long to arrive (0: none). */
  readonly batchWindowSeconds: number;
  /** A settling import triggers at the latest this long after its oldest waiting file landed. */
  readonly maxSettleSeconds: number;
  /** Names this deployment in logs and metrics (the metrics' `service` dimension). */
  readonly serviceName: string;
}

const TEXT_FIELDS = ['apiBaseUrl', 'secretId', 'bucketName', 'serviceName'] as const;
const OPTIONAL_TEXT_FIELDS = ['ledgerTableName'] as const;
const ZERO_OR_MORE_FIELDS = ['coverageMarginSeconds', 'batchWindowSeconds'] as const;
const NUMBER_FIELDS = [
  'requestTimeoutSeconds',
  'attemptsPerInvocation',
  'maxConcurrentCalls',
  'retryBaseDelaySeconds',
  'retryMaxDelaySeconds',
  'maxReceiveCount',
  'maxSettleSeconds',
] as const;

/** Serialises settings into the Lambda environment (values may be CDK tokens, which stay strings). */
export function toEnvironment(settings: HandlerSettings): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const field of [...TEXT_FIELDS, ...ZERO_OR_MORE_FIELDS, ...NUMBER_FIELDS]) {
    environment[ENV[field]] = String(settings[field]);
  }
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = settings[field];
    if (value !== undefined) environment[ENV[field]] = value;
  }
  return environment;
}

/** Reads settings from the Lambda environment; throws naming every missing or malformed variable. */
export function fromEnvironment(env: Readonly<Record<string, string | undefined>>): HandlerSettings {
  const problems: string[] = [];
  const settings: Record<string, string | number> = {};
  for (const field of TEXT_FIELDS) {
    const value = env[ENV[field]];
    if (!value) problems.push(`${ENV[field]} is not set`);
    settings[field] = value ?? '';
  }
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = env[ENV[field]];
    if (value) settings[field] = value;
  }
  for (const field of ZERO_OR_MORE_FIELDS) {
    const value = Number(env[ENV[field]]);
    if (!(env[ENV[field]] && Number.isInteger(value) && value >= 0))
      problems.push(`${ENV[field]} must be a whole number, 0 or more`);
    settings[field] = value;
  }
  for (const field of NUMBER_FIELDS) {
    const value = Number(env[ENV[field]]);
    if (!(Number.isInteger(value) && value > 0))
      problems.push(`${ENV[field]} must be a positive whole number`);
    settings[field] = value;
  }
  if (problems.length > 0) throw new Error(`Invalid function environment: ${problems.join('; ')}`);
  settings.apiBaseUrl = String(settings.apiBaseUrl).replace(/\/+$/, '');
  return settings as unknown as HandlerSettings;
}
