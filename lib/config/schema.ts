/** Blueshift's API hosts by account region. */
export const API_BASE_URLS = {
  us: 'https://api.getblueshift.com',
  eu: 'https://api.eu.getblueshift.com',
} as const;

export type ApiRegion = keyof typeof API_BASE_URLS;

/** The context key the app reads its configuration from. */
export const CONFIG_CONTEXT_KEY = 'blueshiftImportTrigger';

/** One watched folder and the Blueshift import its files trigger. */
export interface ImportMapping {
  /** Object key prefix to watch, e.g. `customers/daily/`; the longest matching prefix wins. */
  readonly prefix: string;
  /** Blueshift customer-attributes import task UUID (8-4-4-4-12 hex). */
  readonly uuid: string;
  /** Only keys ending with this trigger the import, e.g. `.csv` or `_SUCCESS`. @default - any key */
  readonly suffix?: string;
}

/** The app's configuration, as written in `cdk.json` under `blueshiftImportTrigger`. */
export interface TriggerConfig {
  /** Prefix-to-import mappings; at least one. */
  readonly imports: readonly ImportMapping[];
  /** Existing bucket to watch. @default - the stack creates an encrypted, private, retained bucket */
  readonly bucketName?: string;
  /** Blueshift account region, which picks the API host. @default 'us' */
  readonly apiRegion?: ApiRegion;
  /** API base URL that overrides `apiRegion` (sandboxes, tests); https, or http to loopback only. @default - from apiRegion */
  readonly apiBaseUrl?: string;
  /** Existing Secrets Manager secret (name or ARN) holding the User API key. @default - the stack creates one to fill in */
  readonly apiKeySecretName?: string;
  /** Receives before a failing message moves to the dead-letter queue. @default 10 */
  readonly maxReceiveCount?: number;
  /** First redelivery delay after a failed trigger; doubles per receive. @default 30 */
  readonly retryBaseDelaySeconds?: number;
  /** Longest redelivery delay (at most 42000: SQS's 12 h less the time a batch can wait). @default 1800 */
  readonly retryMaxDelaySeconds?: number;
  /** Timeout of one HTTP call to Blueshift. @default 10 */
  readonly requestTimeoutSeconds?: number;
  /** Lambda function timeout; must leave room for a few calls. @default 60 */
  readonly functionTimeoutSeconds?: number;
  /** SNS topic ARN the dead-letter alarm notifies. @default - the alarm shows in CloudWatch only */
  readonly alarmTopicArn?: string;
  /** Lambda memory. @default 256 */
  readonly memorySizeMb?: number;
  /** Records per Lambda batch (more than 10 needs a batching window of at least 1 s). @default 100 */
  readonly batchSize?: number;
  /** How long SQS gathers records before invoking, so one burst of drops makes one call per import. @default 5 */
  readonly batchWindowSeconds?: number;
  /** Most concurrent Lambda invocations the queue drives (2 to 1000). @default 2 */
  readonly maxConcurrency?: number;
  /** Days the function's logs are kept. @default 90 */
  readonly logRetentionDays?: number;
  /** How S3 tells the trigger about new files. @default 's3' */
  readonly notifications?: 's3' | 'eventbridge';
  /** KMS key ARN of an existing secret encrypted with a customer-managed key. @default - AWS managed key */
  readonly apiKeySecretKmsKeyArn?: string;
  /** Principal ARN Blueshift reads the files with. @default - no grant */
  readonly blueshiftReaderPrincipalArn?: string;
  /** Blueshift calls in flight at once per invocation (1-50). @default 4 */
  readonly maxConcurrentCalls?: number;
  /** Calls per import per invocation (1-10). @default 3 */
  readonly attemptsPerInvocation?: number;
}

/** Fields that stay optional after defaults: omitted means "create one" or "none". */
type OptionalField =
  | 'bucketName'
  | 'apiKeySecretName'
  | 'alarmTopicArn'
  | 'apiKeySecretKmsKeyArn'
  | 'blueshiftReaderPrincipalArn';

/** The configuration with every default applied. */
export type ResolvedConfig = Required<Omit<TriggerConfig, OptionalField | 'apiRegion'>> &
  Pick<TriggerConfig, OptionalField> & { readonly apiRegion: ApiRegion };

export const CONFIG_DEFAULTS = {
  apiRegion: 'us',
  maxReceiveCount: 10,
  retryBaseDelaySeconds: 30,
  retryMaxDelaySeconds: 1800,
  requestTimeoutSeconds: 10,
  functionTimeoutSeconds: 60,
  memorySizeMb: 256,
  batchSize: 100,
  batchWindowSeconds: 5,
  maxConcurrency: 2,
  logRetentionDays: 90,
  notifications: 's3',
  maxConcurrentCalls: 4,
  attemptsPerInvocation: 3,
} as const satisfies Partial<TriggerConfig>;

// Stand-ins for wip-config's zod schema names, so the construct codes against the shared API until it lands.
type AppOnlyField = 'bucketName' | 'apiKeySecretName' | 'apiKeySecretKmsKeyArn' | 'alarmTopicArn';
export type TriggerSettings = Omit<TriggerConfig, AppOnlyField>;
export type ResolvedSettings = Omit<ResolvedConfig, AppOnlyField>;
export type AppConfig = TriggerConfig;
export type ResolvedAppConfig = ResolvedConfig;
