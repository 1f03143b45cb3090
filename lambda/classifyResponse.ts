import type { TriggerResponse } from './blueshiftClient';

/**
 * What a trigger response means for the files behind it:
 * - `triggered`: 2xx, done;
 * - `transient`: 429, 5xx gateway/outage, timeout or connection error: retry soon;
 * - `busy`: 405, usually "already being processed": retry later, not within this invocation;
 * - `unauthorized`: 401/403, the key is wrong or was rotated;
 * - `rejected`: 404 and other 4xx: config needs fixing, retrying now will not help.
 */
export type TriggerVerdict = 'triggered' | 'transient' | 'busy' | 'unauthorized' | 'rejected';

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function classifyResponse(response: TriggerResponse): TriggerVerdict {
  if (response.kind !== 'response') return 'transient';
  const { status } = response;
  if (status >= 200 && status < 300) return 'triggered';
  if (TRANSIENT_STATUSES.has(status) || status >= 500) return 'transient';
  if (status === 405) return 'busy';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'rejected';
}
