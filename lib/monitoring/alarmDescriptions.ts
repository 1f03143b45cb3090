/**
 * What each alarm tells the person it reaches: what happened and what to do (CloudWatch puts the description
 * in every notification). README-monitoring.md says the same at more length.
 */
export const ALARM_DESCRIPTIONS = {
  deadLetterQueue:
    'Blueshift import trigger: files whose import could not be triggered are waiting in the dead-letter queue. ' +
    'Read the function logs (error lines name the status and Blueshift message), fix, then redrive.',
  oldestMessage:
    "Blueshift import trigger: the ingest queue's oldest message is older than the retry policy allows, so " +
    'nothing is draining the queue. Check that the function exists, its event source mapping is enabled and ' +
    'it is not throttled; then watch the queue drain.',
  functionErrors:
    'Blueshift import trigger: the function failed whole invocations (a crash, a timeout or out of memory); ' +
    'their records come back after the visibility timeout. Read the function logs for the error.',
  throttles:
    'Blueshift import trigger: Lambda throttled the function; drops wait longer. Check the account concurrency ' +
    "and the function's reserved concurrency.",
  permanentFailures:
    'Blueshift import trigger: Blueshift refused a trigger for good (401/403: the API key is wrong or was ' +
    'rotated; 404 or another 4xx: an import UUID is wrong). Fix the key or the mapping; the files retry, then ' +
    'wait in the dead-letter queue for a redrive.',
  keyUnavailable:
    'Blueshift import trigger: the API key secret is empty or unreadable, so no import is triggered. Put the ' +
    'Blueshift User API key in the secret (plain text or {"apiKey": "..."}); the files retry on their own.',
} as const;

/** The kinds of alarm the trigger has. */
export type AlarmKind = keyof typeof ALARM_DESCRIPTIONS;

/** An alarm's description, and its kind as a tag to find it by (`TriggerMonitoring.alarm`). */
export function described(kind: AlarmKind) {
  return { alarmDescriptionOverride: ALARM_DESCRIPTIONS[kind], customTags: [kind] };
}
