import { Token } from 'aws-cdk-lib';
import { z } from 'zod';

const got = (input: unknown) => `(got ${JSON.stringify(input)})`;

/** A text field that must match `pattern`; `what` names what it must be. */
const matching = (pattern: RegExp, what: string) =>
  z
    .string({ error: (issue) => `must be ${what} ${got(issue.input)}` })
    .regex(pattern, { error: (issue) => `must be ${what} ${got(issue.input)}` });

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
export const bucketNameSchema = matching(
  /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  'a valid S3 bucket name',
);

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
export const secretNameSchema = matching(
  new RegExp(`${SECRET_NAME.source}|${SECRET_ARN.source}`),
  'a Secrets Manager secret name or ARN',
);

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns */
const IAM_PRINCIPAL_ARN =
  /^arn:aws[a-z-]*:iam::\d{12}:(root|(role|user)\/([\x21-\x7e]+\/)?[\w+=,.@-]{1,64})$/;
const READER_PRINCIPAL =
  'an IAM role, user or account root ARN like arn:aws:iam::123456789012:role/blueshift-reader';

export const arnSchemas = {
  snsTopic: matching(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'an SNS topic ARN'),
  /**
   * A key ARN, not an alias: kms:Decrypt is authorised on the key itself. Key ids are UUIDs, or `mrk-` and 32 hex
   * digits for multi-Region keys (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id).
   */
  kmsKey: matching(
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/,
    'a KMS key ARN like arn:aws:kms:eu-west-1:123456789012:key/<key id> (an alias ARN cannot be granted kms:Decrypt)',
  ),
  /** A construct user may pass a role's ARN token; it is then checked at deploy. */
  readerPrincipal: z
    .string({ error: (issue) => `must be ${READER_PRINCIPAL} ${got(issue.input)}` })
    .refine((value) => Token.isUnresolved(value) || IAM_PRINCIPAL_ARN.test(value), {
      error: (issue) => `must be ${READER_PRINCIPAL} ${got(issue.input)}`,
    })
    .meta({ pattern: IAM_PRINCIPAL_ARN.source }),
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const parseUrl = (value: string): URL | undefined => {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
};

/** The Blueshift API base URL: https, or http to loopback only; no credentials, query or fragment. */
export const apiBaseUrlSchema = z
  .string({ error: (issue) => `must be an absolute URL ${got(issue.input)}` })
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    if (!url) {
      ctx.addIssue({ code: 'custom', message: `must be an absolute URL ${got(value)}` });
      return;
    }
    const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !loopbackHttp) {
      ctx.addIssue({
        code: 'custom',
        message: 'must use https:// (http:// only to a loopback host: 127.0.0.1, localhost, [::1])',
      });
    }
    if (url.username || url.password || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'must not carry credentials, a query or a fragment' });
    }
  })
  .transform((value) => {
    const url = new URL(value);
    return url.origin + url.pathname.replace(/\/+$/, '');
  });
