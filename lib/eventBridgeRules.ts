import { Token } from 'aws-cdk-lib';
import { type EventPattern, type IRuleTarget, Rule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ConfigError } from './config/validateConfig';
import { type NotificationFilter, rootPrefixes } from './notificationFilters';

/**
 * EventBridge limits an event pattern to 2,048 characters (EventBridge User Guide, "Amazon EventBridge quotas",
 * "Event pattern size": https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html).
 */
export const MAX_EVENT_PATTERN_CHARACTERS = 2048;

/**
 * Most rules one queue-policy statement can name: SQS policies hold at most 8,192 bytes (SQS Developer
 * Guide, "Amazon SQS policy quotas"), and a rule ARN with its 64-character generated name takes about 105.
 */
export const MAX_RULES = 70;

/**
 * EventBridge allows at most 30 rules with wildcard patterns per event bus, not adjustable (EventBridge User
 * Guide, "Amazon EventBridge quotas", "Rules containing wildcards"). The default bus is shared with every other
 * app of the account and region, so this stack keeps to a third of it.
 */
export const MAX_WILDCARD_RULES = 10;

/** Longest S3 bucket name, standing in for a name only known at deploy. */
const LONGEST_BUCKET_NAME = 'b'.repeat(63);

/** A matcher on `detail.object.key` in an EventBridge event pattern. */
export type KeyMatcher = { readonly prefix: string } | { readonly wildcard: string };

/**
 * The matcher for one filter, on the raw key: S3's EventBridge events carry `detail.object.key` as stored
 * (S3 User Guide, "EventBridge event message structure":
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html), while only the S3 notification
 * format documents its keys as URL-encoded. A wildcard pattern treats `*` as any run of characters and `\` as an escape,
 * so both are escaped where they are literal (EventBridge User Guide, "Wildcard matching":
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).
 */
export function keyMatcher(filter: NotificationFilter): KeyMatcher {
  if (filter.suffix === undefined) return { prefix: filter.prefix };
  return { wildcard: `${escapeWildcard(filter.prefix)}*${escapeWildcard(filter.suffix)}` };
}

function escapeWildcard(text: string): string {
  return text.replace(/[\\*]/g, '\\$&');
}

/** The event pattern of S3 `Object Created` events for the bucket whose key matches any of `matchers`. */
export function objectCreatedPattern(bucketName: string, matchers: readonly KeyMatcher[]): EventPattern {
  return {
    source: ['aws.s3'],
    detailType: ['Object Created'],
    detail: { bucket: { name: [bucketName] }, object: { key: [...matchers] } },
  };
}

/** The pattern's length as EventBridge counts it: its JSON, with `detail-type` spelled as in the event. */
export function patternCharacters(pattern: EventPattern): number {
  const { detailType, ...rest } = pattern;
  return JSON.stringify({ ...rest, 'detail-type': detailType }).length;
}

/** Splits the matchers into groups whose patterns each fit EventBridge's limit, in order. */
export function fitMatchers(bucketName: string, matchers: readonly KeyMatcher[]): KeyMatcher[][] {
  const sizedName = Token.isUnresolved(bucketName) ? LONGEST_BUCKET_NAME : bucketName;
  const size = (group: readonly KeyMatcher[]) => patternCharacters(objectCreatedPattern(sizedName, group));
  const groups: KeyMatcher[][] = [];
  for (const matcher of matchers) {
    const current = groups.at(-1);
    if (current && size([...current, matcher]) <= MAX_EVENT_PATTERN_CHARACTERS) current.push(matcher);
    else if (size([matcher]) <= MAX_EVENT_PATTERN_CHARACTERS) groups.push([matcher]);
    else
      throw new Error(
        `A key filter is too long for an EventBridge event pattern: ${JSON.stringify(matcher)}`,
      );
  }
  return groups;
}

/**
 * Delivers a rule's events to the queue as they are, and an event EventBridge could not deliver (after its
 * retries for up to 24 h) to the dead-letter queue instead of dropping it (EventBridge User Guide, "Using
 * dead-letter queues to process undelivered events"); the queue policies are added once for all rules.
 */
class QueueTarget implements IRuleTarget {
  constructor(
    private readonly queue: IQueue,
    private readonly deadLetterQueue: IQueue,
  ) {}
  bind() {
    return {
      arn: this.queue.queueArn,
      targetResource: this.queue,
      deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
    };
  }
}

/**
 * Groups the matchers into rules. Prefix and wildcard matchers get rules of their own, so only wildcard rules
 * count against that quota; when the wildcard rules would pass `MAX_WILDCARD_RULES`, the rules match the
 * prefixes alone and the function's mapping checks the suffixes (it does anyway), which costs only an
 * invocation for a file with another ending.
 */
function fitMatcherRules(bucketName: string, filters: readonly NotificationFilter[]): KeyMatcher[][] {
  const matchers = filters.map(keyMatcher);
  const prefixes = matchers.filter((matcher) => 'prefix' in matcher);
  const wildcardGroups = fitMatchers(
    bucketName,
    matchers.filter((matcher) => 'wildcard' in matcher),
  );
  const groups =
    wildcardGroups.length <= MAX_WILDCARD_RULES
      ? [...fitMatchers(bucketName, prefixes), ...wildcardGroups]
      : fitMatchers(
          bucketName,
          rootPrefixes(filters.map((filter) => filter.prefix)).map((prefix) => ({ prefix })),
        );
  if (groups.length > MAX_RULES) {
    throw new ConfigError([
      `imports: need ${groups.length} EventBridge rules, more than the ${MAX_RULES} the ingest queue's policy ` +
        'can name; map fewer, shorter prefixes (a shared parent prefix routes by the longest match)',
    ]);
  }
  return groups;
}

/**
 * Routes the bucket's `Object Created` events whose key matches a filter to the queue, through as many rules
 * on the default bus as the pattern size limit needs. The filters do not overlap, so an event matches at most
 * one rule and reaches the queue once. One queue-policy statement lets EventBridge send for exactly these
 * rules: the `SqsQueue` target would add one statement per rule, and SQS allows 20 statements per policy
 * (SQS Developer Guide, "Amazon SQS policy quotas":
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html).
 */
export function routeObjectCreatedEvents(
  scope: Construct,
  bucket: IBucket,
  filters: readonly NotificationFilter[],
  queue: IQueue,
  deadLetterQueue: IQueue,
): Rule[] {
  const target = new QueueTarget(queue, deadLetterQueue);
  const groups = fitMatcherRules(bucket.bucketName, filters);
  const rules = groups.map((matchers, index) => {
    const rule = new Rule(scope, `ObjectCreatedRule${index + 1}`, {
      description: `Blueshift import trigger: new files in the watched bucket (${index + 1})`,
      eventPattern: objectCreatedPattern(bucket.bucketName, matchers),
    });
    rule.addTarget(target);
    return rule;
  });
  for (const receiver of [queue, deadLetterQueue]) {
    receiver.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [receiver.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rules.map((rule) => rule.ruleArn) } },
      }),
    );
  }
  return rules;
}
