import { type CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ImportMapping } from '../../contract/importMapping';
import { IMPORTS_METADATA_KEY, STACK_OUTPUT_KEYS } from '../../contract/stackOutputs';
import { awsClientConfig } from '../moto/motoServer';

/** What the sandbox deployed, by the names the ops CLI reads from a stack's outputs. */
export interface OpsStackSpec {
  readonly stackName: string;
  readonly imports: readonly ImportMapping[];
  readonly ingestQueue: { readonly url: string; readonly arn: string };
  readonly deadLetterQueue: { readonly url: string; readonly arn: string };
  readonly ledgerTable?: string;
  readonly apiKeySecretArn?: string;
  readonly apiBaseUrl: string;
}

/**
 * A CloudFormation template holding only the deployed stack's outputs (as literal values) and the imports
 * metadata, so `npm run ops -- … --stack <name>` finds the sandbox's queues, ledger and secret in moto as it
 * finds a deployed stack's. The resources themselves were made directly: moto's CloudFormation cannot run the
 * real template (bucket notifications, a secret's Ref), and provisioning emulates AWS in one place.
 */
export function opsStackTemplate(spec: OpsStackSpec): string {
  const outputs: Record<string, string | undefined> = {
    [STACK_OUTPUT_KEYS.ingestQueueUrl]: spec.ingestQueue.url,
    [STACK_OUTPUT_KEYS.ingestQueueArn]: spec.ingestQueue.arn,
    [STACK_OUTPUT_KEYS.deadLetterQueueUrl]: spec.deadLetterQueue.url,
    [STACK_OUTPUT_KEYS.deadLetterQueueArn]: spec.deadLetterQueue.arn,
    [STACK_OUTPUT_KEYS.ledgerTableName]: spec.ledgerTable,
    [STACK_OUTPUT_KEYS.apiKeySecretArn]: spec.apiKeySecretArn,
    [STACK_OUTPUT_KEYS.apiBaseUrl]: spec.apiBaseUrl,
  };
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'blueshift-import-trigger sandbox: the outputs of the locally provisioned stack',
    Resources: {
      // A template needs a resource; this one also carries the imports, as the trigger function's does.
      SandboxOutputs: {
        Type: 'AWS::CloudFormation::WaitConditionHandle',
        Metadata: { [IMPORTS_METADATA_KEY]: { imports: spec.imports } },
      },
    },
    Outputs: Object.fromEntries(
      Object.entries(outputs).flatMap(([key, value]) => (value ? [[key, { Value: value }]] : [])),
    ),
  });
}

/** Creates the outputs-only stack in moto. */
export async function createOpsStack(
  cloudFormation: CloudFormationClient,
  spec: OpsStackSpec,
): Promise<void> {
  await cloudFormation.send(
    new CreateStackCommand({ StackName: spec.stackName, TemplateBody: opsStackTemplate(spec) }),
  );
}

/** The API key secret's ARN (never its value), for the outputs ops reads. */
export async function secretArn(endpoint: string): Promise<{ apiKeySecretArn?: string }> {
  const client = new SecretsManagerClient(awsClientConfig(endpoint));
  try {
    const { SecretList = [] } = await client.send(new ListSecretsCommand({}));
    const arn = SecretList[0]?.ARN;
    return arn ? { apiKeySecretArn: arn } : {};
  } finally {
    client.destroy();
  }
}
