import { Token } from 'aws-cdk-lib';
import type { ResolvedAppConfig } from './schema';
import { ConfigError, fieldPath } from './validateConfig';

/** A resource the stack can only use in its own region, named as the user gave it, and its region if known. */
export interface RegionalResource {
  /** The config field or construct prop that names it, for the message. */
  readonly field: string;
  /** Its region; `undefined` or a token when only known at deploy. */
  readonly region: string | undefined;
}

/** Region of a literal ARN (`arn:partition:service:region:account:resource`); a name has none. */
export const regionOfArn = (arn: string | undefined): string | undefined =>
  arn?.startsWith('arn:') ? arn.split(':')[3] : undefined;

/**
 * The one check that the alarm topic, the secret and its KMS key are in the stack's region, judged when both
 * regions are literal, every problem listed at once:
 * - a CloudWatch alarm notifies SNS topics of its own region
 *   (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html, AlarmActions);
 * - the function's Secrets Manager client calls its own region;
 * - a secret is encrypted with a key of the secret's region
 *   (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
 * The stack runs it on the config's ARNs (to name the config fields); the construct on the resources it is given.
 */
export function assertSameRegion(resources: readonly RegionalResource[], stackRegion: string): void {
  if (Token.isUnresolved(stackRegion)) return;
  const problems = resources.flatMap(({ field, region }) =>
    region === undefined || Token.isUnresolved(region) || region === stackRegion
      ? []
      : [`${field}: is in ${region}, but the stack deploys to ${stackRegion}; use one in ${stackRegion}`],
  );
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The app config's regional ARNs, named by their config fields. */
export function configArnRegions(config: ResolvedAppConfig): RegionalResource[] {
  return (['alarmTopicArn', 'apiKeySecretName', 'apiKeySecretKmsKeyArn'] as const).map((field) => ({
    field: fieldPath([field]),
    region: regionOfArn(config[field]),
  }));
}
