import {
  type NotificationConfiguration,
  PutBucketNotificationConfigurationCommand,
} from '@aws-sdk/client-s3';
import { SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { RuleTarget } from '../moto/eventBridgeApi';
import type { StackResources } from './findStackResources';
import type { MotoClients } from './provisionOnMoto';
import type { PhysicalResource } from './resolveIntrinsics';
import { s3FiltersAsMotoReads } from './s3FiltersAsMotoReads';

/** EventBridge's longest rule name. */
const MAX_RULE_NAME_LENGTH = 64;

/**
 * Creates how the bucket's events reach the ingest queue: in EventBridge mode the template's rules (pattern
 * and targets) on their bus, then the queue policies, then the bucket's notification configuration with its
 * filters as S3 reads them. moto (like S3) sends an `s3:TestEvent` to the queues of a queue configuration.
 */
export async function provisionNotifications(
  clients: MotoClients,
  resources: StackResources,
  deployment: {
    readonly stackName: string;
    readonly bucketName: string;
    readonly resolve: (node: unknown) => unknown;
    /** Resources made so far, by logical ID; the rules are added. */
    readonly created: Record<string, PhysicalResource>;
  },
): Promise<void> {
  const { resolve, created } = deployment;
  if (resources.delivery.mode === 'eventbridge') {
    for (const rule of resources.delivery.rules) {
      const { properties } = rule;
      const name = String(properties.Name ?? `${deployment.stackName}-${rule.logicalId}`).slice(
        0,
        MAX_RULE_NAME_LENGTH,
      );
      const eventBusName =
        properties.EventBusName === undefined ? undefined : String(resolve(properties.EventBusName));
      const arn = await clients.events.putRule({
        Name: name,
        EventPattern: JSON.stringify(resolve(properties.EventPattern)),
        State: String(properties.State ?? 'ENABLED'),
        ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
      });
      created[rule.logicalId] = { ref: name, attributes: { Arn: arn } };
      await clients.events.putTargets(name, resolve(properties.Targets ?? []) as RuleTarget[], eventBusName);
    }
  }
  for (const policy of resources.queuePolicies) {
    const document = JSON.stringify(resolve(policy.properties.PolicyDocument));
    for (const queueUrl of resolve(policy.properties.Queues) as string[]) {
      await clients.sqs.send(
        new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: document } }),
      );
    }
  }
  const configuration = resolve(resources.bucketNotifications.properties.NotificationConfiguration);
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: deployment.bucketName,
      NotificationConfiguration: s3FiltersAsMotoReads(configuration as NotificationConfiguration),
    }),
  );
}
