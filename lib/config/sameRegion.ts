import { Token } from 'aws-cdk-lib';
import type { ResolvedAppConfig } from './schema';
import { ConfigError, fieldPath } from './validateConfig';

/** Region of a literal ARN (`arn:partition:service:region:account:resource`). */
const regionOf = (arn: string): string | undefined =>
  arn.startsWith('arn:') ? arn.split(':')[3] : undefined;

/**
 * ARNs the stack can only use in its own region, checked when both are literal:
 * - the alarm topic: a CloudWatch alarm notifies SNS topics of its own region
 *   (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html, AlarmActions);
 * - the secret: the function's Secrets Manager client calls its own region;
 * - the KMS key: a secret is encrypted with a key of the secret's region
 *   (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
 */
export function assertSameRegion(config: ResolvedAppConfig, stackRegion: string): void {
  if (Token.isUnresolved(stackRegion)) return;
  const fields = ['alarmTopicArn', 'apiKeySecretName', 'apiKeySecretKmsKeyArn'] as const;
  const problems = fields.flatMap((field) => {
    const value = config[field];
    const region = value === undefined ? undefined : regionOf(value);
    return region === undefined || region === stackRegion
      ? []
      : [
          `${fieldPath([field])}: is in ${region}, but the stack deploys to ${stackRegion}; use one in ${stackRegion}`,
        ];
  });
  if (problems.length > 0) throw new ConfigError(problems);
}
