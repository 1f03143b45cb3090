import {
  type CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import type { ImportMapping } from '../../../contract/importMapping';
import { IMPORTS_METADATA_KEY, STACK_OUTPUT_KEYS } from '../../../contract/stackOutputs';
import { LEDGER_KEY } from '../../../contract/triggerLedger';

/** What a test stack is made of. */
export interface OpsStackSpec {
  readonly stackName: string;
  readonly imports: readonly ImportMapping[];
  readonly apiBaseUrl: string;
  /** The key's secret, made beforehand: moto's CloudFormation gives a secret's Ref no value. */
  readonly apiKeySecretArn: string;
  /** @default true */
  readonly ledger?: boolean;
}

/**
 * A CloudFormation template with what the ops commands read from a deployed trigger stack: the two queues (the
 * ingest queue's RedrivePolicy naming the dead-letter queue), the ledger table, a resource
 * carrying the imports metadata, and the contract's outputs (the secret's ARN among them). The real stack has more; ops reads no more.
 */
export function opsTemplate(spec: OpsStackSpec): string {
  const ledger = spec.ledger ?? true;
  const output = (Value: unknown) => ({ Value });
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      DeadLetterQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `${spec.stackName}-dlq` } },
      IngestQueue: {
        Type: 'AWS::SQS::Queue',
        Properties: {
          QueueName: `${spec.stackName}-ingest`,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
            maxReceiveCount: 3,
          },
        },
      },
      // Stands for the trigger function: ops finds the metadata by its key, whatever resource carries it.
      TriggerFunctionMetadata: {
        Type: 'AWS::CloudFormation::WaitConditionHandle',
        Metadata: { [IMPORTS_METADATA_KEY]: { imports: spec.imports } },
      },
      ...(ledger
        ? {
            TriggerLedger: {
              Type: 'AWS::DynamoDB::Table',
              Properties: {
                TableName: `${spec.stackName}-ledger`,
                BillingMode: 'PAY_PER_REQUEST',
                AttributeDefinitions: [{ AttributeName: LEDGER_KEY, AttributeType: 'S' }],
                KeySchema: [{ AttributeName: LEDGER_KEY, KeyType: 'HASH' }],
              },
            },
          }
        : {}),
    },
    Outputs: {
      [STACK_OUTPUT_KEYS.ingestQueueUrl]: output({ Ref: 'IngestQueue' }),
      [STACK_OUTPUT_KEYS.ingestQueueArn]: output({ 'Fn::GetAtt': ['IngestQueue', 'Arn'] }),
      [STACK_OUTPUT_KEYS.deadLetterQueueUrl]: output({ Ref: 'DeadLetterQueue' }),
      [STACK_OUTPUT_KEYS.deadLetterQueueArn]: output({ 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] }),
      [STACK_OUTPUT_KEYS.apiKeySecretArn]: output(spec.apiKeySecretArn),
      [STACK_OUTPUT_KEYS.apiBaseUrl]: output(spec.apiBaseUrl),
      ...(ledger ? { [STACK_OUTPUT_KEYS.ledgerTableName]: output({ Ref: 'TriggerLedger' }) } : {}),
    },
  });
}

/** Creates the stack on moto and resolves to its outputs by key. */
export async function createOpsStack(
  cloudFormation: CloudFormationClient,
  spec: OpsStackSpec,
): Promise<Record<string, string>> {
  await cloudFormation.send(
    new CreateStackCommand({ StackName: spec.stackName, TemplateBody: opsTemplate(spec) }),
  );
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: spec.stackName }));
  return Object.fromEntries(
    (Stacks?.[0]?.Outputs ?? []).map((entry) => [entry.OutputKey ?? '', entry.OutputValue ?? '']),
  );
}
