import { z } from 'zod';
import {
  MAX_BATCH_WINDOW_SECONDS,
  MAX_FUNCTION_TIMEOUT_SECONDS,
  MAX_REDELIVERY_DELAY_SECONDS,
} from '../../contract/redeliveryPolicy';
import * as aws from './awsLimits';
import { importsSchema, MAX_SETTLE_SECONDS } from './importsSchema';

/** The largest clock-skew margin: beyond a few minutes a clock is wrong, not skewed. */
const MAX_COVERAGE_MARGIN_SECONDS = 300;

import { apiBaseUrlSchema, arnSchemas } from './textFields';
import { wholeNumberIn } from './wholeNumber';

/** Blueshift's API hosts by account region. */
export const API_BASE_URLS = {
  us: 'https://api.getblueshift.com',
  eu: 'https://api.eu.getblueshift.com',
} as const;

/** A whole number in [min, max] with its default and one-line doc. */
const wholeNumber = (min: number, max: number, fallback: number, description: string) =>
  wholeNumberIn(min, max).default(fallback).meta({ description });

const oneOf = <T extends string>(values: readonly [T, ...T[]], fallback: T, description: string) =>
  z
    .enum(values, {
      error: (issue) => `must be one of ${values.join(', ')} (got ${JSON.stringify(issue.input)})`,
    })
    .default(fallback)
    .meta({ description });

/** Plain-data settings of the construct: everything but the bucket, secret and topic it is handed. */
export const settingsShape = {
  imports: importsSchema.meta({
    description:
      'Prefix-to-import mappings, e.g. `[{ "prefix": "customers/daily/", "uuid": "<import task uuid>", "suffix": ".csv" }]`. Among the mappings whose prefix and suffix match a key, the longest prefix wins, then the longest suffix. A mapping may add `settleSeconds`: trigger only once no new file of it has landed for that long (needs `triggerLedger`; at most `maxSettleSeconds`).',
  }),
  notifications: oneOf(
    ['s3', 'eventbridge'],
    's3',
    "How drops reach the queue: `s3` bucket notifications, or `eventbridge` (leaves the bucket's other notification configurations alone; suits existing buckets).",
  ),
  apiRegion: oneOf(
    Object.keys(API_BASE_URLS) as [keyof typeof API_BASE_URLS],
    'us',
    '`us` (`https://api.getblueshift.com`) or `eu` (`https://api.eu.getblueshift.com`).',
  ),
  apiBaseUrl: apiBaseUrlSchema.optional().meta({
    description:
      'Overrides the host from `apiRegion` (sandboxes, tests). `https://` only, or `http://` to 127.0.0.1, localhost or [::1].',
  }),
  blueshiftReaderPrincipalArn: arnSchemas.readerPrincipal.optional().meta({
    description:
      'IAM role, user or account root Blueshift reads the files as: a created bucket grants it `s3:GetObject` and `s3:ListBucket` on the mapped prefixes; for an existing bucket the statement to add is printed.',
  }),
  maxReceiveCount: wholeNumber(
    1,
    aws.SQS_MAX_RECEIVE_COUNT,
    10,
    'Receives before a failing message moves to the dead-letter queue.',
  ),
  retryBaseDelaySeconds: wholeNumber(
    1,
    MAX_REDELIVERY_DELAY_SECONDS,
    30,
    'First redelivery delay after a failed trigger; doubles with each receive.',
  ),
  retryMaxDelaySeconds: wholeNumber(
    1,
    MAX_REDELIVERY_DELAY_SECONDS,
    1800,
    `Longest redelivery delay, also for a longer \`Retry-After\` (at most ${MAX_REDELIVERY_DELAY_SECONDS}: SQS's 12 h limit counts from the receive, which can precede the function by a batching window and a function timeout).`,
  ),
  requestTimeoutSeconds: wholeNumber(1, 300, 10, 'Timeout of one call to Blueshift.'),
  attemptsPerInvocation: wholeNumber(
    1,
    10,
    3,
    'Calls per import per invocation on transient failures, counting the one after a key refresh.',
  ),
  maxConcurrentCalls: wholeNumber(1, 50, 4, 'Blueshift calls in flight at once per invocation.'),
  functionTimeoutSeconds: wholeNumber(
    10,
    MAX_FUNCTION_TIMEOUT_SECONDS,
    60,
    'Lambda timeout; must leave 5 s beyond one request.',
  ),
  memorySizeMb: wholeNumber(
    aws.LAMBDA_MIN_MEMORY_MB,
    aws.LAMBDA_MAX_MEMORY_MB,
    256,
    'Lambda memory; must hold the largest batch `batchSize` allows.',
  ),
  batchSize: wholeNumber(
    1,
    aws.SQS_MAX_BATCH_SIZE,
    100,
    'Records per invocation; above 10 needs a batching window of at least 1 s.',
  ),
  batchWindowSeconds: wholeNumber(
    0,
    MAX_BATCH_WINDOW_SECONDS,
    5,
    'How long SQS gathers a burst into one batch.',
  ),
  maxConcurrency: wholeNumber(
    aws.SQS_MIN_MAX_CONCURRENCY,
    aws.SQS_MAX_MAX_CONCURRENCY,
    2,
    'Most concurrent invocations the queue drives.',
  ),
  triggerLedger: z
    .boolean({ error: (issue) => `must be true or false (got ${JSON.stringify(issue.input)})` })
    .default(true)
    .meta({
      description:
        'Keep a trigger ledger (a small on-demand DynamoDB table): files a later trigger already covered are acknowledged without a call, and a busy import gets one probe at a time. `false`: no table; every batch calls.',
    }),
  coverageMarginSeconds: wholeNumber(
    0,
    MAX_COVERAGE_MARGIN_SECONDS,
    1,
    'A file counts as covered only by a trigger sent at least this long after it landed (absorbs clock skew).',
  ),
  maxSettleSeconds: wholeNumber(
    1,
    MAX_SETTLE_SECONDS,
    900,
    'Longest an import with `settleSeconds` waits after its oldest waiting file landed, however long the drop keeps landing.',
  ),
  logRetentionDays: z
    .literal(aws.LOG_RETENTION_DAYS, {
      error: (issue) =>
        `must be one of ${aws.LOG_RETENTION_DAYS.join(', ')} (got ${JSON.stringify(issue.input)})`,
    })
    .default(90)
    .meta({ description: "Days the function's logs are kept (a CloudWatch Logs retention value)." }),
};

/** The construct's settings after defaults, before `apiBaseUrl` is filled in from the region. */
export type SettingsValues = z.output<z.ZodObject<typeof settingsShape>>;
