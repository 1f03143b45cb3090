import { createHash } from 'node:crypto';

/**
 * Names that tell one deployment of the trigger from another, made from the stack name and the trigger
 * construct's own id only (not its path), so moving the construct in the tree renames nothing. Two triggers
 * with the same id in one stack are refused (their ingest queue names would clash), so these are unique too.
 */

/**
 * `base` with every match of `disallowed` (a global pattern) replaced by `-`, cut to `maxLength`; a cut name
 * ends in a hash of the whole, so two long names that share a beginning still differ.
 */
export function boundedName(base: string, maxLength: number, disallowed: RegExp): string {
  const cleaned = base.replace(disallowed, '-');
  if (cleaned.length <= maxLength) return cleaned;
  const hash = createHash('sha256').update(cleaned).digest('hex').slice(0, 8);
  return `${cleaned.slice(0, maxLength - hash.length - 1)}-${hash}`;
}

/**
 * Powertools' `service` of every log line and the `service` dimension of every metric: `<stack>-<id>`. At
 * most 255 characters, CloudWatch's former dimension-value limit, so it fits wherever a service name goes.
 */
export function serviceNameOf(stackName: string, constructId: string): string {
  return boundedName(`${stackName}-${constructId}`, 255, /[^A-Za-z0-9_-]/g);
}

export const LOG_GROUP_PREFIX = '/blueshift-import-trigger/';

/**
 * The function's log group, `/blueshift-import-trigger/<stack>-<id>`, known before deploying, so
 * `aws logs tail /blueshift-import-trigger/BlueshiftImportTrigger-Trigger --follow` works without a lookup. Not
 * `/aws/lambda/<function name>`: that needs a fixed function name (64 characters at most, and a name that
 * blocks CloudFormation from replacing the function), and Lambda reserves the `aws/` prefix for its own
 * groups. CloudWatch Logs names: up to 512 characters of `[.-_/#A-Za-z0-9]`.
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
 */
export function logGroupNameOf(stackName: string, constructId: string): string {
  return (
    LOG_GROUP_PREFIX +
    boundedName(`${stackName}-${constructId}`, 512 - LOG_GROUP_PREFIX.length, /[^A-Za-z0-9_.#-]/g)
  );
}
