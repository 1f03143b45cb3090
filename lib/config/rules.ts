import { MAX_RETRY_SPAN_SECONDS, worstCaseRetrySpanSeconds } from '../../contract/redeliveryPolicy';
import { notificationFilters, rootPrefixes } from '../notificationFilters';
import { encodeFilterValue } from '../s3FilterValue';
import * as aws from './awsLimits';
import { keyPartSchema, utf8Bytes } from './keyPart';
import { peakMemoryMb } from './peakMemory';
import { rule, type Shape } from './rule';
import { settleRules, settleSpanSeconds } from './settleRules';

const keyParts = { prefix: keyPartSchema('prefix'), suffix: keyPartSchema('suffix') };

const isKeyPart = (kind: 'prefix' | 'suffix', value: unknown) =>
  value === undefined ? kind === 'suffix' : keyParts[kind].safeParse(value).success;

/** The cross-field rules of the construct's settings. */
export function settingsRules(shape: Shape) {
  return [
    rule(shape, ['retryBaseDelaySeconds', 'retryMaxDelaySeconds'], (n, report) => {
      if (n.retryMaxDelaySeconds < n.retryBaseDelaySeconds) {
        report(
          ['retryMaxDelaySeconds'],
          `must be at least retryBaseDelaySeconds (${n.retryBaseDelaySeconds})`,
        );
      }
    }),
    rule(shape, ['requestTimeoutSeconds', 'functionTimeoutSeconds'], (n, report) => {
      if (n.requestTimeoutSeconds + 5 > n.functionTimeoutSeconds) {
        report(
          ['requestTimeoutSeconds'],
          `must leave 5 s of functionTimeoutSeconds (${n.functionTimeoutSeconds}) for backoff`,
        );
      }
    }),
    rule(
      shape,
      [
        'maxReceiveCount',
        'retryBaseDelaySeconds',
        'retryMaxDelaySeconds',
        'functionTimeoutSeconds',
        'batchWindowSeconds',
        'requestTimeoutSeconds',
        'maxSettleSeconds',
      ],
      (n, report) => {
        const settle = settleSpanSeconds(n.imports, n.maxSettleSeconds);
        const span = worstCaseRetrySpanSeconds(n as Parameters<typeof worstCaseRetrySpanSeconds>[0]) + settle;
        if (span <= MAX_RETRY_SPAN_SECONDS) return;
        report(
          ['maxReceiveCount'],
          `with these retry delays${settle > 0 ? ` and a settle window of up to maxSettleSeconds (${n.maxSettleSeconds})` : ''} ` +
            `a failing drop may retry for ${(span / 86400).toFixed(1)} days before the ` +
            `dead-letter queue, which keeps it only until 14 days after the drop; lower maxReceiveCount or ` +
            `retryMaxDelaySeconds${settle > 0 ? ' (or maxSettleSeconds)' : ''} to retry for at most ` +
            `${MAX_RETRY_SPAN_SECONDS / 86400} days`,
        );
      },
    ),
    rule(shape, ['batchSize', 'batchWindowSeconds'], (n, report) => {
      if (n.batchSize > aws.SQS_MAX_BATCH_SIZE_WITHOUT_WINDOW && n.batchWindowSeconds < 1) {
        report(['batchSize'], 'above 10 needs batchWindowSeconds of at least 1 (an SQS event source rule)');
      }
    }),
    rule(shape, ['memorySizeMb', 'batchSize'], (n, report) => {
      const peak = peakMemoryMb(n.batchSize);
      if (n.memorySizeMb >= peak) return;
      report(
        ['memorySizeMb'],
        `${n.memorySizeMb} MB cannot hold the largest batch batchSize ${n.batchSize} allows (about ${peak} MB at ` +
          `peak): use at least ${peak}, or a smaller batchSize`,
      );
    }),
    rule(shape, ['imports', 'notifications'], ({ imports, notifications }, report) => {
      const count = notificationFilters(imports).length;
      if (notifications !== 's3' || count <= aws.S3_MAX_NOTIFICATION_CONFIGURATIONS) return;
      report(
        ['imports'],
        `need ${count} S3 notification configurations once nested prefixes are folded; a bucket holds at most ` +
          `${aws.S3_MAX_NOTIFICATION_CONFIGURATIONS}: use "notifications": "eventbridge"`,
      );
    }),
    rule(shape, ['notifications'], ({ imports, notifications }, report) => {
      if (notifications !== 's3' || !Array.isArray(imports)) return;
      (imports as unknown[]).forEach((mapping, index) => {
        for (const kind of ['prefix', 'suffix'] as const) {
          const value = (mapping as Partial<Record<typeof kind, unknown>> | undefined)?.[kind];
          if (value === undefined || !isKeyPart(kind, value)) continue;
          const encoded = encodeFilterValue(value as string).length;
          if (encoded <= aws.S3_MAX_FILTER_VALUE_CHARS) continue;
          report(
            ['imports', index, kind],
            `is ${encoded} characters URL-encoded, as S3 reads notification filter values; S3 allows ` +
              `${aws.S3_MAX_FILTER_VALUE_CHARS}: shorten it`,
          );
        }
      });
    }),
    rule(
      shape,
      ['imports', 'blueshiftReaderPrincipalArn'],
      ({ imports, blueshiftReaderPrincipalArn }, report) => {
        if (blueshiftReaderPrincipalArn === undefined) return;
        // A lower bound: each root prefix appears at least in an s3:GetObject resource and an s3:prefix condition.
        const roots = rootPrefixes(imports.map((mapping) => mapping.prefix));
        const bytes = roots.reduce((total, prefix) => total + 2 * utf8Bytes(prefix) + 25, 0);
        if (bytes <= aws.S3_MAX_BUCKET_POLICY_BYTES) return;
        report(
          ['blueshiftReaderPrincipalArn'],
          `needs a bucket policy of at least ${bytes} bytes for the ${roots.length} top-level prefixes; a bucket ` +
            `policy holds at most ${aws.S3_MAX_BUCKET_POLICY_BYTES}: map fewer top-level prefixes (nest them under a common one)`,
        );
      },
    ),
    ...settleRules(shape),
  ];
}
