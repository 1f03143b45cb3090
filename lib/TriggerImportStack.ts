import { Aws, CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { STACK_OUTPUT_KEYS as KEYS } from '../contract/stackOutputs';
import { importApiKeySecret, secretIdOf } from './apiKeySecret';
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
    const { bucket, apiKeySecret, ingestQueue, deadLetterQueue, ledgerTable } = this.trigger;

    // Names and ARNs only: the secret's value is never known to the stack, so no output can hold it.
    const outputs: Record<string, string> = {
      BucketName: bucket.bucketName,
      // The configured name as given; an imported secret's own name is a deploy-time token.
      ApiKeySecretName: apiKeySecretName ?? apiKeySecret.secretName,
      [KEYS.apiKeySecretArn]: secretIdOf(apiKeySecret),
      [KEYS.apiBaseUrl]: this.trigger.config.apiBaseUrl,
      [KEYS.ingestQueueUrl]: ingestQueue.queueUrl,
      [KEYS.ingestQueueArn]: ingestQueue.queueArn,
      [KEYS.deadLetterQueueUrl]: deadLetterQueue.queueUrl,
      [KEYS.deadLetterQueueArn]: deadLetterQueue.queueArn,
      DeadLetterQueueConsoleUrl: Fn.join('', [
        `https://${Aws.REGION}.console.aws.amazon.com/sqs/v3/home?region=${Aws.REGION}#/queues/`,
        Fn.join('%2F', Fn.split('/', Fn.join('%3A', Fn.split(':', deadLetterQueue.queueUrl)))),
      ]),
      [KEYS.functionName]: this.trigger.function.functionName,
      [KEYS.logGroupName]: this.trigger.function.logGroup.logGroupName,
      ...(ledgerTable ? { [KEYS.ledgerTableName]: ledgerTable.tableName } : {}),
      DeadLetterAlarmName: this.trigger.deadLetterAlarm.alarmName,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
