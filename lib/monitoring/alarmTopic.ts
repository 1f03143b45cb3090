import { ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

const CLOUDWATCH = new ServicePrincipal('cloudwatch.amazonaws.com');

/**
 * The topic the trigger's alarms notify: TLS only, encrypted at rest with a key of its own. A customer-managed
 * key because CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed `alias/aws/sns`, whose
 * policy cannot grant CloudWatch kms:Decrypt and kms:GenerateDataKey; this key's policy does
 * (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns). The key costs about 1 USD a month and
 * is deleted (after 7 days) with the topic: alarm notifications are not kept.
 */
export function createAlarmTopic(scope: Construct, id: string): Topic {
  const masterKey = new Key(scope, `${id}Key`, {
    description: `Encrypts the alarm topic of ${scope.node.path}`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
    pendingWindow: Duration.days(7),
  });
  masterKey.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchAlarmsPublishToTheEncryptedTopic',
      principals: [CLOUDWATCH],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  const topic = new Topic(scope, id, {
    displayName: 'Blueshift import trigger alarms',
    masterKey,
    enforceSSL: true,
  });
  // A topic policy replaces SNS's default owner-only policy, so CloudWatch gets its own statement, limited to
  // this account's alarms (same repost.aws article, "aws:SourceArn").
  topic.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisAccountPublish',
      effect: Effect.ALLOW,
      principals: [CLOUDWATCH],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: {
        ArnLike: {
          'aws:SourceArn': Stack.of(scope).formatArn({
            service: 'cloudwatch',
            resource: 'alarm',
            resourceName: '*',
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      },
    }),
  );
  return topic;
}

/** Subscribes each address; AWS mails each one a confirmation link, and nothing is delivered until it is followed. */
export function subscribeEmails(topic: ITopic, addresses: readonly string[]): void {
  for (const address of addresses) {
    const subscription = topic.addSubscription(new EmailSubscription(address));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'An email notification that SNS fails to deliver would wait in a queue nobody reads; the alarm itself ' +
        'stays in ALARM in CloudWatch, on the dashboard and in the alarm history.',
    });
  }
}
