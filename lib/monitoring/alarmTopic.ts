import { ArnFormat, Aws, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

/**
 * The topic the trigger's alarms notify: TLS only, and publishable by this account's CloudWatch alarms. Not
 * encrypted at rest, on purpose: CloudWatch cannot publish to a topic under the AWS-managed `alias/aws/sns`
 * key (https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns), so encryption means a
 * customer-managed key whose policy grants `kms:*` to the account and CloudWatch `kms:GenerateDataKey*`, a
 * monthly cost, and one more way for alarms to fail silently; and the messages hold only alarm names, states
 * and descriptions, which email delivers in the clear anyway.
 */
export function createAlarmTopic(scope: Construct, id: string): Topic {
  const topic = new Topic(scope, id, { displayName: 'Blueshift import trigger alarms', enforceSSL: true });
  // A topic policy replaces SNS's default owner-only policy, so CloudWatch gets its own statement, limited to
  // this account's alarms (same repost.aws article, "aws:SourceArn").
  topic.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisAccountPublish',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
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
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions-SNS2',
    reason:
      'Alarm notifications carry no secret or customer data, only alarm names, states and descriptions, and ' +
      'email delivers them in the clear; encrypting needs a customer-managed key CloudWatch may use, a cost ' +
      'and a way for alarms to fail silently. Publishing is TLS only (AwsSolutions-SNS3).',
  });
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
