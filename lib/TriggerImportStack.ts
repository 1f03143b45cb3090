import { Aws, CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { STACK_OUTPUT_KEYS as KEYS } from '../contract/stackOutputs';
import { importApiKeySecret } from './apiKeySecret';
import { BlueshiftImportTrigger } from './BlueshiftImportTrigger';
import { loadConfig } from './config/loadConfig';
import { assertSameRegion, configArnRegions } from './config/sameRegion';

/**
 * The app's one stack: the import trigger configured from CDK context, its names and ARNs mapped to the
 * objects they name, and the outputs the ops CLI reads. Throws a ConfigError listing every problem when the
 * context configuration is invalid.
 */
export class TriggerImportStack extends Stack {
  /** The import trigger. */
  public readonly trigger: BlueshiftImportTrigger;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, {
      description: 'Blueshift import trigger: S3 drops start customer-attributes imports, retried via SQS',
      ...props,
    });
    const config = loadConfig(this.node);
    assertSameRegion(configArnRegions(config), this.region);
    const { bucketName, apiKeySecretName, apiKeySecretKmsKeyArn, alarmTopicArn, ...settings } = config;
    this.trigger = new BlueshiftImportTrigger(this, 'Trigger', {
      ...settings,
      ...(bucketName ? { bucket: Bucket.fromBucketName(this, 'WatchedBucket', bucketName) } : {}),
      ...(apiKeySecretName
        ? { apiKeySecret: importApiKeySecret(this, 'ApiKeySecret', apiKeySecretName, apiKeySecretKmsKeyArn) }
        : {}),
      ...(alarmTopicArn ? { alarmTopic: Topic.fromTopicArn(this, 'AlarmTopic', alarmTopicArn) } : {}),
    });
    const { bucket, apiKeySecret, ingestQueue, deadLetterQueue } = this.trigger;

    const outputs: Record<string, string> = {
      BucketName: bucket.bucketName,
      // The configured name as given; an imported secret's own name is a deploy-time token.
      ApiKeySecretName: apiKeySecretName ?? apiKeySecret.secretName,
      IngestQueueUrl: ingestQueue.queueUrl,
      IngestQueueArn: ingestQueue.queueArn,
      DeadLetterQueueUrl: deadLetterQueue.queueUrl,
      DeadLetterQueueArn: deadLetterQueue.queueArn,
      DeadLetterQueueConsoleUrl: Fn.join('', [
        `https://${Aws.REGION}.console.aws.amazon.com/sqs/v3/home?region=${Aws.REGION}#/queues/`,
        Fn.join('%2F', Fn.split('/', Fn.join('%3A', Fn.split(':', deadLetterQueue.queueUrl)))),
      ]),
      FunctionName: this.trigger.function.functionName,
      DeadLetterAlarmName: this.trigger.deadLetterAlarm.alarmName,
      [KEYS.dashboardUrl]: this.trigger.monitoring.dashboardUrl,
      [KEYS.alarmTopicArn]: this.trigger.monitoring.alarmTopic.topicArn,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
