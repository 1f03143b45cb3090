import { MAX_RETRY_SPAN_SECONDS, worstCaseRetrySpanSeconds } from './retrySpan';
import {
  API_BASE_URLS,
  CONFIG_CONTEXT_KEY,
  CONFIG_DEFAULTS,
  type ImportMapping,
  type ResolvedConfig,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
const KNOWN_FIELDS = new Set([
  'imports',
  'bucketName',
  'apiRegion',
  'apiBaseUrl',
  'apiKeySecretName',
  'alarmTopicArn',
  'apiKeySecretKmsKeyArn',
  'blueshiftReaderPrincipalArn',
  ...Object.keys(CONFIG_DEFAULTS),
]);
const IMPORT_FIELDS = new Set(['prefix', 'uuid', 'suffix']);

/** Integer ranges of the numeric settings: [min, max]. */
const NUMBER_RANGES: Record<
  Exclude<keyof typeof CONFIG_DEFAULTS, 'apiRegion' | 'notifications'>,
  readonly [number, number]
> = {
  maxReceiveCount: [1, 1000],
  // SQS's 12 h visibility limit, less the 20 minutes a receive can precede the handler's request.
  retryBaseDelaySeconds: [1, 42000],
  retryMaxDelaySeconds: [1, 42000],
  requestTimeoutSeconds: [1, 300],
  functionTimeoutSeconds: [10, 900],
  memorySizeMb: [128, 10240],
  batchSize: [1, 10000],
  batchWindowSeconds: [0, 300],
  maxConcurrency: [2, 1000],
  logRetentionDays: [1, 3653],
  maxConcurrentCalls: [1, 50],
  attemptsPerInvocation: [1, 10],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a raw configuration (the context value: an object or its JSON text) and applies defaults.
 * Throws one ConfigError that lists every problem found.
 */
export function validateConfig(raw: unknown): ResolvedConfig {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`${CONFIG_CONTEXT_KEY}${path}: ${message}`);
  let input = raw;
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw);
    } catch (error) {
      at('', `is not valid JSON (${(error as Error).message})`);
      throw new ConfigError(problems);
    }
  }
  if (!isObject(input)) {
    at('', 'must be an object with at least "imports" (set it in cdk.json context or with -c)');
    throw new ConfigError(problems);
  }
  for (const field of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(field)) at(`.${field}`, 'is not a known field');
  }

  const imports = checkImports(input.imports, at);
  const numbers = {} as Record<keyof typeof NUMBER_RANGES, number>;
  const outOfRange = new Set<string>();
  for (const [field, [min, max]] of Object.entries(NUMBER_RANGES) as [
    keyof typeof NUMBER_RANGES,
    [number, number],
  ][]) {
    const value = input[field] ?? CONFIG_DEFAULTS[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      at(`.${field}`, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
      outOfRange.add(field);
    }
    numbers[field] = value as number;
  }
  // A relation between numbers is judged only when each of them is itself valid, so one typo gives one problem.
  checkNumberRelations(numbers, (...fields) => fields.every((field) => !outOfRange.has(field)), at);

  const apiRegion = input.apiRegion ?? CONFIG_DEFAULTS.apiRegion;
  if (typeof apiRegion !== 'string' || !Object.hasOwn(API_BASE_URLS, apiRegion)) {
    at(
      '.apiRegion',
      `must be one of ${Object.keys(API_BASE_URLS).join(', ')} (got ${JSON.stringify(apiRegion)})`,
    );
  }
  const apiBaseUrl = checkBaseUrl(input.apiBaseUrl, apiRegion as keyof typeof API_BASE_URLS, at);
  if (
    input.bucketName !== undefined &&
    (typeof input.bucketName !== 'string' || !BUCKET_NAME.test(input.bucketName))
  ) {
    at('.bucketName', `must be a valid S3 bucket name (got ${JSON.stringify(input.bucketName)})`);
  }
  const secret = input.apiKeySecretName;
  if (
    secret !== undefined &&
    (typeof secret !== 'string' || !(SECRET_NAME.test(secret) || SECRET_ARN.test(secret)))
  ) {
    at('.apiKeySecretName', `must be a Secrets Manager secret name or ARN (got ${JSON.stringify(secret)})`);
  }
  const topic = input.alarmTopicArn;
  if (topic !== undefined && (typeof topic !== 'string' || !SNS_TOPIC_ARN.test(topic))) {
    at('.alarmTopicArn', `must be an SNS topic ARN (got ${JSON.stringify(topic)})`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...numbers,
    imports,
    apiRegion: apiRegion as keyof typeof API_BASE_URLS,
    apiBaseUrl,
    ...(input.bucketName === undefined ? {} : { bucketName: input.bucketName as string }),
    ...(secret === undefined ? {} : { apiKeySecretName: secret as string }),
    ...(topic === undefined ? {} : { alarmTopicArn: topic as string }),
    notifications: input.notifications === 'eventbridge' ? 'eventbridge' : 's3',
    ...(typeof input.apiKeySecretKmsKeyArn === 'string'
      ? { apiKeySecretKmsKeyArn: input.apiKeySecretKmsKeyArn }
      : {}),
    ...(typeof input.blueshiftReaderPrincipalArn === 'string'
      ? { blueshiftReaderPrincipalArn: input.blueshiftReaderPrincipalArn }
      : {}),
  };
}

/** Stand-ins for wip-config's validators (same checks until it lands). */
export const validateSettings = validateConfig;
export const validateAppConfig = validateConfig;

type Report = (path: string, message: string) => void;

function checkImports(value: unknown, at: Report): ImportMapping[] {
  if (!Array.isArray(value) || value.length === 0) {
    at('.imports', 'must be a non-empty list of { "prefix", "uuid", "suffix"? }');
    return [];
  }
  const seen = new Map<string, number>();
  const imports: ImportMapping[] = [];
  value.forEach((entry: unknown, index) => {
    const path = `.imports[${index}]`;
    if (!isObject(entry)) {
      at(path, 'must be an object with "prefix" and "uuid"');
      return;
    }
    for (const field of Object.keys(entry)) {
      if (!IMPORT_FIELDS.has(field)) at(`${path}.${field}`, 'is not a known field (prefix, uuid, suffix)');
    }
    const { prefix, uuid, suffix } = entry;
    if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > 1024) {
      at(
        `${path}.prefix`,
        'must be a non-empty string of at most 1024 characters (a whole-bucket watch is not supported)',
      );
    } else if (seen.has(`${prefix}\u0000${entry.suffix}`)) {
      at(
        `${path}.prefix`,
        `duplicates imports[${seen.get(`${prefix}\u0000${entry.suffix}`)}].prefix "${prefix}"`,
      );
    } else {
      seen.set(`${prefix}\u0000${entry.suffix}`, index);
    }
    if (typeof uuid !== 'string' || !UUID.test(uuid)) {
      at(
        `${path}.uuid`,
        `must be an import task UUID like 0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f (got ${JSON.stringify(uuid)})`,
      );
    }
    if (suffix !== undefined && (typeof suffix !== 'string' || suffix.length === 0 || suffix.length > 1024)) {
      at(`${path}.suffix`, 'must be a non-empty string when given');
    }
    imports.push({
      prefix: prefix as string,
      uuid: typeof uuid === 'string' ? uuid.toLowerCase() : (uuid as string),
      ...(suffix === undefined ? {} : { suffix: suffix as string }),
    });
  });
  return imports;
}

function checkNumberRelations(
  n: Record<keyof typeof NUMBER_RANGES, number>,
  valid: (...fields: (keyof typeof NUMBER_RANGES)[]) => boolean,
  at: Report,
): void {
  if (
    valid('retryBaseDelaySeconds', 'retryMaxDelaySeconds') &&
    n.retryMaxDelaySeconds < n.retryBaseDelaySeconds
  ) {
    at('.retryMaxDelaySeconds', `must be at least retryBaseDelaySeconds (${n.retryBaseDelaySeconds})`);
  }
  if (
    valid('requestTimeoutSeconds', 'functionTimeoutSeconds') &&
    n.requestTimeoutSeconds + 5 > n.functionTimeoutSeconds
  ) {
    at(
      '.requestTimeoutSeconds',
      `must leave 5 s of functionTimeoutSeconds (${n.functionTimeoutSeconds}) for backoff`,
    );
  }
  const retrySpan = valid('maxReceiveCount', 'retryBaseDelaySeconds', 'retryMaxDelaySeconds')
    ? worstCaseRetrySpanSeconds(n)
    : 0;
  if (retrySpan > MAX_RETRY_SPAN_SECONDS) {
    at(
      '.maxReceiveCount',
      `with these retry delays a failing drop may retry for ${(retrySpan / 86400).toFixed(1)} days before the ` +
        `dead-letter queue, which keeps it only until 14 days after the drop; lower maxReceiveCount or ` +
        `retryMaxDelaySeconds to retry for at most ${MAX_RETRY_SPAN_SECONDS / 86400} days`,
    );
  }
  if (valid('batchSize', 'batchWindowSeconds') && n.batchSize > 10 && n.batchWindowSeconds < 1) {
    at('.batchSize', 'above 10 needs batchWindowSeconds of at least 1 (an SQS event source rule)');
  }
  if (valid('logRetentionDays') && !LOG_RETENTION_DAYS.includes(n.logRetentionDays)) {
    at('.logRetentionDays', `must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
}

function checkBaseUrl(value: unknown, region: keyof typeof API_BASE_URLS, at: Report): string {
  if (value === undefined) return API_BASE_URLS[region] ?? API_BASE_URLS.us;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    at('.apiBaseUrl', `must be an absolute URL (got ${JSON.stringify(value)})`);
    return '';
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    at('.apiBaseUrl', 'must use https:// (http:// only to a loopback host: 127.0.0.1, localhost, [::1])');
  }
  if (url.username || url.password || url.search || url.hash) {
    at('.apiBaseUrl', 'must not carry credentials, a query or a fragment');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
