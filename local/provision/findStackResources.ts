/** A template resource: its type and free-form properties. */
export interface TemplateResource {
  readonly Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template properties are free-form JSON.
  readonly Properties?: Record<string, any>;
}

/** A synthesised CloudFormation template, as far as a local deployment reads it. */
export interface StackTemplate {
  readonly Resources: Readonly<Record<string, TemplateResource>>;
}

/** A resource picked out of the template, with its logical ID for resolving references to it. */
export interface FoundResource {
  readonly logicalId: string;
  // biome-ignore lint/suspicious/noExplicitAny: template properties are free-form JSON.
  readonly properties: Record<string, any>;
}

/** The resources a local deployment recreates, found by how they refer to each other rather than by ID. */
export interface StackResources {
  /** The function that an SQS event source mapping drives. */
  readonly function: FoundResource;
  readonly eventSourceMapping: FoundResource;
  /** The queue the mapping reads. */
  readonly ingestQueue: FoundResource;
  /** The queue the ingest queue's RedrivePolicy names. */
  readonly deadLetterQueue: FoundResource;
  /** The Custom::S3BucketNotifications that sends the bucket's events to the queue, or to EventBridge. */
  readonly bucketNotifications: FoundResource;
  /** How the bucket's events reach the ingest queue, with the EventBridge rules that target it in that mode. */
  readonly delivery: NotificationDelivery;
  /** Queue policies on the ingest or dead-letter queue (S3's or EventBridge's permission to send). */
  readonly queuePolicies: readonly FoundResource[];
  /** The bucket the stack creates, when it creates one. */
  readonly bucket?: FoundResource;
  /** The secret the stack creates, when it creates one. */
  readonly secret?: FoundResource;
  /** Every DynamoDB table of the template (the trigger ledger, when the stack has one). */
  readonly tables: readonly FoundResource[];
}

/** S3 sends to the queue itself, or to EventBridge, whose rules send to the queue. */
export type NotificationDelivery =
  | { readonly mode: 's3' }
  | { readonly mode: 'eventbridge'; readonly rules: readonly FoundResource[] };

/** The logical ID a `Ref` or `Fn::GetAtt` points at, if the value is one. */
export function referencedId(value: unknown): string | undefined {
  const node = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown } | null;
  if (typeof node?.Ref === 'string') return node.Ref;
  const getAtt = node?.['Fn::GetAtt'];
  if (Array.isArray(getAtt)) return getAtt[0] as string;
  return typeof getAtt === 'string' ? getAtt.split('.')[0] : undefined;
}

/** Picks the stack's moving parts out of its template; throws when the template is not shaped as expected. */
export function findStackResources(template: StackTemplate): StackResources {
  const all = Object.entries(template.Resources).map(([logicalId, resource]) => ({
    logicalId,
    type: resource.Type,
    properties: resource.Properties ?? {},
  }));
  const ofType = (type: string) => all.filter((resource) => resource.type === type);
  const byId = (logicalId: string | undefined, what: string): FoundResource => {
    const found = all.find((resource) => resource.logicalId === logicalId);
    if (!found) throw new Error(`template has no ${what} (looked for ${String(logicalId)})`);
    return found;
  };
  const single = (type: string): FoundResource => {
    const [found, ...others] = ofType(type);
    if (!found || others.length > 0) throw new Error(`expected exactly one ${type} in the template`);
    return found;
  };

  const eventSourceMapping = single('AWS::Lambda::EventSourceMapping');
  const ingestQueue = byId(referencedId(eventSourceMapping.properties.EventSourceArn), 'ingest queue');
  const deadLetterTarget = ingestQueue.properties.RedrivePolicy?.deadLetterTargetArn;
  const deadLetterQueue = byId(referencedId(deadLetterTarget), 'dead-letter queue');
  const bucketNotifications = single('Custom::S3BucketNotifications');
  const bucketId = referencedId(bucketNotifications.properties.BucketName);
  const [secret] = ofType('AWS::SecretsManager::Secret');
  const refersTo = (values: unknown, queue: FoundResource) =>
    ((values ?? []) as unknown[]).some((value) => referencedId(value) === queue.logicalId);
  const queuePolicies = ofType('AWS::SQS::QueuePolicy').filter(
    (policy) =>
      refersTo(policy.properties.Queues, ingestQueue) || refersTo(policy.properties.Queues, deadLetterQueue),
  );
  const rules = ofType('AWS::Events::Rule').filter((rule) =>
    refersTo(
      ((rule.properties.Targets ?? []) as { Arn?: unknown }[]).map((target) => target.Arn),
      ingestQueue,
    ),
  );
  const configuration = bucketNotifications.properties.NotificationConfiguration ?? {};
  const queueConfigurations = (configuration.QueueConfigurations ?? []) as { QueueArn?: unknown }[];
  const toQueue = refersTo(
    queueConfigurations.map((queue) => queue.QueueArn),
    ingestQueue,
  );
  let delivery: NotificationDelivery;
  if (configuration.EventBridgeConfiguration !== undefined && !toQueue) {
    if (rules.length === 0)
      throw new Error('EventBridge delivery, but no Events rule targets the ingest queue');
    delivery = { mode: 'eventbridge', rules };
  } else if (toQueue) {
    delivery = { mode: 's3' };
  } else {
    throw new Error('the bucket notifications send neither to the ingest queue nor to EventBridge');
  }
  return {
    function: byId(referencedId(eventSourceMapping.properties.FunctionName), 'mapped function'),
    eventSourceMapping,
    ingestQueue,
    deadLetterQueue,
    bucketNotifications,
    delivery,
    queuePolicies,
    tables: ofType('AWS::DynamoDB::Table'),
    ...(bucketId === undefined ? {} : { bucket: byId(bucketId, 'bucket') }),
    ...(secret === undefined ? {} : { secret }),
  };
}
