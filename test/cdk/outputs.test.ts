import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveIntrinsics } from '../../local/provision/resolveIntrinsics';
import { rawConfigFactory, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

/** The output keys the ops CLI reads by stack name. */
const OUTPUT_KEYS = [
  'ApiKeySecretName',
  'BucketName',
  'DeadLetterAlarmName',
  'DeadLetterQueueArn',
  'DeadLetterQueueConsoleUrl',
  'DeadLetterQueueUrl',
  'FunctionName',
  'IngestQueueArn',
  'IngestQueueUrl',
];

describe('Stack: TriggerImportStack outputs', () => {
  let created: SynthesizedStack;
  beforeAll(() => {
    created = synthesizeStack(rawConfigFactory());
  });

  it('emits exactly the outputs the ops CLI reads, and describes itself', () => {
    // Act
    const template = created.template.toJSON();

    // Assess
    expect(Object.keys(template.Outputs).sort()).toEqual(OUTPUT_KEYS);
    expect(template.Description).toMatch(/Blueshift/);
  });

  it('points each queue and function output at its resource', () => {
    // Prepare
    const { stack, template } = created;
    const { trigger } = stack;

    // Act
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs.IngestQueueUrl.Value).toEqual(stack.resolve(trigger.ingestQueue.queueUrl));
    expect(outputs.IngestQueueArn.Value).toEqual(stack.resolve(trigger.ingestQueue.queueArn));
    expect(outputs.DeadLetterQueueUrl.Value).toEqual(stack.resolve(trigger.deadLetterQueue.queueUrl));
    expect(outputs.DeadLetterQueueArn.Value).toEqual(stack.resolve(trigger.deadLetterQueue.queueArn));
    expect(outputs.FunctionName.Value).toEqual(stack.resolve(trigger.function.functionName));
    expect(outputs.BucketName.Value).toEqual(stack.resolve(trigger.bucket.bucketName));
  });

  it('links to the dead-letter queue in the SQS console of the deployed region', () => {
    // Prepare
    const { stack, template } = created;
    const deadLetterQueueId = stack.getLogicalId(stack.trigger.deadLetterQueue.node.defaultChild as CfnQueue);
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/TestImportTrigger-DLQ';

    // Act
    const consoleUrl = resolveIntrinsics(template.toJSON().Outputs.DeadLetterQueueConsoleUrl.Value, {
      region: 'eu-west-1',
      accountId: '123456789012',
      resources: { [deadLetterQueueId]: { ref: queueUrl } },
    });

    // Assess
    expect(consoleUrl).toBe(
      `https://eu-west-1.console.aws.amazon.com/sqs/v3/home?region=eu-west-1#/queues/${encodeURIComponent(queueUrl)}`,
    );
  });

  it('names an imported bucket and secret as configured', () => {
    // Act
    const imported = synthesizeStack(
      rawConfigFactory({ bucketName: 'other-team-drops', apiKeySecretName: 'blueshift/user-api-key' }),
    );

    // Assess
    const outputs = imported.template.toJSON().Outputs;
    expect(outputs.BucketName.Value).toBe('other-team-drops');
    expect(outputs.ApiKeySecretName.Value).toBe('blueshift/user-api-key');
  });
});
