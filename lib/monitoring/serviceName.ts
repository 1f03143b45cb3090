import { createHash } from 'node:crypto';

/**
 * Powertools' `service` of every log line and the `service` dimension of every metric: `<stack>-<id>`, from the
 * stack name and the trigger construct's own id (not its path), so moving the construct renames nothing. At
 * most 255 characters. The same rule as wip-cdk's `serviceNameOf` in lib/deploymentNames.ts, which replaces
 * this file when the branches merge.
 */
export function serviceNameOf(stackName: string, constructId: string): string {
  return boundedName(`${stackName}-${constructId}`, 255);
}

/**
 * `base` with every character outside `[A-Za-z0-9_-]` replaced by `-`, cut to `maxLength`; a cut name ends in
 * a hash of the whole, so two long names that share a beginning still differ.
 */
export function boundedName(base: string, maxLength: number): string {
  const cleaned = base.replace(/[^A-Za-z0-9_-]/g, '-');
  if (cleaned.length <= maxLength) return cleaned;
  const hash = createHash('sha256').update(cleaned).digest('hex').slice(0, 8);
  return `${cleaned.slice(0, maxLength - hash.length - 1)}-${hash}`;
}
