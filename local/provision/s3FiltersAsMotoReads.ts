import type { FilterRule, NotificationConfiguration } from '@aws-sdk/client-s3';

/**
 * Where moto and S3 differ on notification key filters, this module makes moto behave as S3 does.
 *
 * S3 reads a filter value URL-encoded: a space is written `+` and any other special character percent-encoded
 * (UTF-8), so a raw `+` in a filter stands for a space (S3 User Guide, "Configuring event notifications using
 * object key name filtering",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html). moto compares the
 * value as it is with the raw key, so the template's encoded values are decoded here before moto gets them.
 *
 * S3 also rejects "filtering rules with overlapping prefixes for the same event types, unless the overlapping
 * prefixes are used with suffixes that do not overlap" (same page); moto accepts them, so they are rejected
 * here, judged on the decoded text.
 *
 * Not emulated: moto's notification bodies encode `/` in keys as `%2F` (S3 keeps `/`); a reader that
 * URL-decodes keys, as the handler must, reads both the same.
 */

/** The raw key text an S3-encoded filter value matches: `+` is a space, percent-escapes are UTF-8. */
export function decodeFilterValue(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch {
    throw new Error(`notification filter value "${encoded}" is not valid URL encoding`);
  }
}

/** One destination's key filter and events, decoded. */
interface DecodedRule {
  readonly destination: string;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * The notification configuration as moto must receive it for S3's behaviour: every key filter value decoded.
 * Throws, as S3's PutBucketNotificationConfiguration does, when two rules overlap.
 */
export function s3FiltersAsMotoReads(configuration: NotificationConfiguration): NotificationConfiguration {
  const decoded: NotificationConfiguration = {
    ...configuration,
    ...decodeEach(configuration, 'QueueConfigurations'),
    ...decodeEach(configuration, 'TopicConfigurations'),
    ...decodeEach(configuration, 'LambdaFunctionConfigurations'),
  };
  rejectOverlaps(rulesOf(decoded));
  return decoded;
}

type DestinationList = 'QueueConfigurations' | 'TopicConfigurations' | 'LambdaFunctionConfigurations';

function decodeEach(configuration: NotificationConfiguration, list: DestinationList) {
  const destinations = configuration[list];
  if (destinations === undefined) return {};
  return {
    [list]: destinations.map((destination) => {
      const rules = destination.Filter?.Key?.FilterRules;
      if (rules === undefined) return destination;
      const FilterRules = rules.map(
        (rule): FilterRule => ({
          // S3 takes `Prefix` as well as `prefix`; moto only the lower case.
          Name: rule.Name?.toLowerCase() as FilterRule['Name'],
          Value: decodeFilterValue(rule.Value ?? ''),
        }),
      );
      return { ...destination, Filter: { Key: { FilterRules } } };
    }),
  };
}

function rulesOf(configuration: NotificationConfiguration): DecodedRule[] {
  const all = [
    ...(configuration.QueueConfigurations ?? []).map((queue) => ({ ...queue, arn: queue.QueueArn })),
    ...(configuration.TopicConfigurations ?? []).map((topic) => ({ ...topic, arn: topic.TopicArn })),
    ...(configuration.LambdaFunctionConfigurations ?? []).map((fn) => ({ ...fn, arn: fn.LambdaFunctionArn })),
  ];
  return all.map((destination) => {
    const value = (name: string) =>
      destination.Filter?.Key?.FilterRules?.find((rule) => rule.Name === name)?.Value ?? '';
    return {
      destination: String(destination.arn),
      events: destination.Events ?? [],
      prefix: value('prefix'),
      suffix: value('suffix'),
    };
  });
}

/** S3's rule: same event types, overlapping prefixes, overlapping suffixes (an absent one overlaps any). */
function rejectOverlaps(rules: readonly DecodedRule[]): void {
  rules.forEach((rule, index) => {
    for (const other of rules.slice(index + 1)) {
      const overlapping =
        eventsOverlap(rule.events, other.events) &&
        (rule.prefix.startsWith(other.prefix) || other.prefix.startsWith(rule.prefix)) &&
        (rule.suffix.endsWith(other.suffix) || other.suffix.endsWith(rule.suffix));
      if (!overlapping) continue;
      throw new Error(
        'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes ' +
          `are overlapping for the same event type: ${describeRule(rule)} and ${describeRule(other)}`,
      );
    }
  });
}

/** `s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`, and so on. */
function eventsOverlap(left: readonly string[], right: readonly string[]): boolean {
  const covers = (a: string, b: string) => a === b || (a.endsWith(':*') && b.startsWith(a.slice(0, -1)));
  return left.some((a) => right.some((b) => covers(a, b) || covers(b, a)));
}

function describeRule(rule: DecodedRule): string {
  return `(prefix "${rule.prefix}", suffix "${rule.suffix}" to ${rule.destination})`;
}
