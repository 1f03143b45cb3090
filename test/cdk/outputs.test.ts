import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_OUTPUT_KEYS } from '../../contract/stackOutputs';
import { resolveIntrinsics } from '../../local/provision/resolveIntrinsics';
import { rawConfigFactory, type SynthesizedStack, synthesizeStack } from './synthesizeStack';

/** The output keys the ops CLI and the README name. */
const OUTPUT_KEYS = [
  'ApiKeySecretArn',
  'ApiKeySecretName',
  'BlueshiftApiBaseUrl',
  'BucketName',
  'DeadLetterAlarmName',
  'DeadLetterQueueArn',
  'DeadLetterQueueConsoleUrl',
  'DeadLetterQueueUrl',
  'IngestQueueArn',
  'IngestQueueUrl',
  'TriggerFunctionName',
  'TriggerLedgerTableName',
  'TriggerLogGroupName',
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
    expect(outputs.TriggerFunctionName.Value).toEqual(stack.resolve(trigger.function.functionName));
    expect(outputs.BucketName.Value).toEqual(stack.resolve(trigger.bucket.bucketName));
  });

  it('names the ledger table, the log group, the secret by ARN and the API host, all from the contract keys', () => {
    // Prepare
    const { stack, template } = created;
    const { trigger } = stack;

    // Act
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs[STACK_OUTPUT_KEYS.ledgerTableName].Value).toEqual(
      stack.resolve(trigger.ledgerTable?.tableName),
    );
    expect(outputs[STACK_OUTPUT_KEYS.logGroupName].Value).toEqual(
      stack.resolve(trigger.function.logGroup.logGroupName),
    );
    expect(outputs[STACK_OUTPUT_KEYS.apiKeySecretArn].Value).toEqual(
      stack.resolve(trigger.apiKeySecret.secretArn),
    );
    expect(outputs[STACK_OUTPUT_KEYS.apiBaseUrl].Value).toBe('https://api.getblueshift.com');
    const cdkOwnKeys = ['ApiKeySecretName', 'BucketName', 'DeadLetterAlarmName', 'DeadLetterQueueConsoleUrl'];
    const monitoringKeys = [STACK_OUTPUT_KEYS.dashboardUrl, STACK_OUTPUT_KEYS.alarmTopicArn] as string[];
    expect(
      Object.keys(outputs)
        .filter((key) => !cdkOwnKeys.includes(key))
        .sort(),
    ).toEqual(
      Object.values(STACK_OUTPUT_KEYS)
        .filter((key) => !monitoringKeys.includes(key))
        .sort(),
    );
  });

  it('has no ledger table output when the ledger is off', () => {
    // Act
    const withoutLedger = synthesizeStack(rawConfigFactory({ triggerLedger: false }));

    // Assess
    const outputs = withoutLedger.template.toJSON().Outputs;
    expect(outputs).not.toHaveProperty(STACK_OUTPUT_KEYS.ledgerTableName);
    expect(outputs).toHaveProperty(STACK_OUTPUT_KEYS.logGroupName);
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
    expect(JSON.stringify(outputs.ApiKeySecretArn.Value)).toMatch(/:secret:blueshift\/user-api-key"/);
  });
});
