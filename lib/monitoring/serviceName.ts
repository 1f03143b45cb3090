import { createHash } from 'node:crypto';
import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Alarm and dashboard names take at most 255 characters; the name leaves room for their suffixes. */
const MAX_SERVICE_NAME_LENGTH = 100;

/**
 * The service name of one trigger: the `service` of its log lines and the `service` dimension of its metrics
 * (the function's `POWERTOOLS_SERVICE_NAME`), and the prefix of its alarm and dashboard names. Made of the stack
 * name and the trigger construct's own id, so two triggers in one account and region never share metrics or
 * alarms, and moving the construct within its stack changes nothing. Long names are cut and given a hash.
 */
export function serviceNameOf(trigger: IConstruct): string {
  const base = `${Stack.of(trigger).stackName}-${trigger.node.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  if (base.length <= MAX_SERVICE_NAME_LENGTH) return base;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  return `${base.slice(0, MAX_SERVICE_NAME_LENGTH - hash.length - 1)}-${hash}`;
}
