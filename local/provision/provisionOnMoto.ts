import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ENV } from '../../contract/handlerSettings';
import type { QueueRef } from '../../scripts/ops/redrive/types';
import type { EventBridgeApi } from '../moto/eventBridgeApi';
import type { FoundResource, StackResources } from './findStackResources';
import { provisionNotifications } from './provisionNotifications';
import { provisionTables } from './provisionTables';
import { type PhysicalResource, resolveIntrinsics } from './resolveIntrinsics';

/** moto's default account. */
export const MOTO_ACCOUNT_ID = '123456789012';

export interface MotoClients {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly secretsManager: SecretsManagerClient;
  readonly dynamodb: DynamoDBClient;
  readonly events: EventBridgeApi;
}

/** The stack's resources as created in moto. */
export interface ProvisionedStack {
  readonly bucket: string;
  readonly ingestQueue: QueueRef;
  readonly deadLetterQueue: QueueRef;
  /** The name of each DynamoDB table created, by logical ID. */
  readonly tables: Readonly<Record<string, string>>;
  /** The function's environment variables with every reference resolved. */
  readonly functionEnvironment: Readonly<Record<string, string>>;
}

/** Queue properties that are not queue attributes. */
const NOT_ATTRIBUTES = new Set(['QueueName', 'Tags']);

/**
 * Creates in moto what CloudFormation would create from the template: the queues with the template's
 * attributes, a bucket, the API key secret, the DynamoDB tables (the trigger ledger), and the way the bucket's
 * ObjectCreated events reach the ingest queue (a queue configuration, or EventBridge and its rules), so moto
 * really delivers them.
 */
export async function provisionOnMoto(
  clients: MotoClients,
  resources: StackResources,
  settings: { readonly stackName: string; readonly region: string; readonly apiKey: string },
): Promise<ProvisionedStack> {
  const created: Record<string, PhysicalResource> = {};
  const resolve = (node: unknown) =>
    resolveIntrinsics(node, { region: settings.region, accountId: MOTO_ACCOUNT_ID, resources: created });

  const createSecret = async (name: string) => {
    const { ARN = '' } = await clients.secretsManager.send(
      new CreateSecretCommand({ Name: name, SecretString: settings.apiKey }),
    );
    return ARN;
  };
  if (resources.secret) {
    const arn = await createSecret(`${settings.stackName}-api-key`);
    created[resources.secret.logicalId] = { ref: arn, attributes: { Id: arn } };
  }
  const bucketName = resources.bucket
    ? `${settings.stackName.toLowerCase()}-drops`
    : String(resolve(resources.bucketNotifications.properties.BucketName));
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucketName }));
  if (resources.bucket) {
    created[resources.bucket.logicalId] = {
      ref: bucketName,
      attributes: { Arn: `arn:aws:s3:::${bucketName}` },
    };
  }

  // The ingest queue's RedrivePolicy names the dead-letter queue, so that one comes first.
  for (const queue of [resources.deadLetterQueue, resources.ingestQueue]) {
    created[queue.logicalId] = await createQueue(clients.sqs, queue, settings.stackName, resolve);
  }
  const tables = await provisionTables(clients.dynamodb, resources.tables, {
    stackName: settings.stackName,
    resolve,
  });
  Object.assign(created, tables);
  await provisionNotifications(clients, resources, {
    stackName: settings.stackName,
    bucketName,
    resolve,
    created,
  });

  const variables = resolve(resources.function.properties.Environment?.Variables ?? {}) as Record<
    string,
    string
  >;
  // A configured existing secret is referred to by name: it is the operator's, so it is made here.
  const secretName = variables[ENV.secretId];
  if (!resources.secret && secretName) await createSecret(secretName);
  const queueRef = (queue: FoundResource): QueueRef => {
    const physical = created[queue.logicalId] as PhysicalResource;
    return { url: physical.ref, arn: physical.attributes?.Arn ?? '' };
  };
  return {
    bucket: bucketName,
    ingestQueue: queueRef(resources.ingestQueue),
    deadLetterQueue: queueRef(resources.deadLetterQueue),
    tables: Object.fromEntries(Object.entries(tables).map(([logicalId, table]) => [logicalId, table.ref])),
    functionEnvironment: variables,
  };
}

async function createQueue(
  sqs: SQSClient,
  queue: FoundResource,
  stackName: string,
  resolve: (node: unknown) => unknown,
): Promise<PhysicalResource> {
  const name = String(queue.properties.QueueName ?? `${stackName}-${queue.logicalId}`).slice(0, 80);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(queue.properties)) {
    if (NOT_ATTRIBUTES.has(key)) continue;
    const resolved = resolve(value);
    attributes[key] = typeof resolved === 'object' ? JSON.stringify(resolved) : String(resolved);
  }
  const { QueueUrl = '' } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn ?? '';
  return { ref: QueueUrl, attributes: { Arn: arn, QueueName: name, QueueUrl } };
}
