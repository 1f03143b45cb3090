import type { SQSRecord } from 'aws-lambda';
import type { KeyMatch } from './mapKeyToImport';
import { parseNotification } from './parseNotification';

/** One import to trigger once for every record of the batch whose files map to it. */
export interface ImportTrigger {
  readonly uuid: string;
  readonly prefixes: Set<string>;
  /** The records (by message ID) that succeed or fail with this trigger. */
  readonly messageIds: Set<string>;
  readonly keys: string[];
}

/** What the batch needs: calls to make, records that cannot be read, and what was passed over. */
export interface BatchPlan {
  readonly triggers: Map<string, ImportTrigger>;
  readonly invalid: { readonly record: SQSRecord; readonly reason: string }[];
  readonly ignored: { readonly messageId: string; readonly key: string; readonly reason: string }[];
  readonly testEvents: string[];
}

/** Groups every record of the batch by import, so each distinct import is called once. */
export function coalesceByImport(
  records: readonly SQSRecord[],
  matchKey: (key: string) => KeyMatch,
): BatchPlan {
  const plan: BatchPlan = { triggers: new Map(), invalid: [], ignored: [], testEvents: [] };
  for (const record of records) {
    const parsed = parseNotification(record.body);
    if (parsed.kind === 'invalid') {
      plan.invalid.push({ record, reason: parsed.reason });
      continue;
    }
    if (parsed.kind === 'test-event') {
      plan.testEvents.push(record.messageId);
      continue;
    }
    for (const { key, eventName } of parsed.objects) {
      if (eventName && !eventName.startsWith('ObjectCreated:')) {
        plan.ignored.push({ messageId: record.messageId, key, reason: `event ${eventName}` });
        continue;
      }
      const match = matchKey(key);
      if (match.kind === 'ignored') {
        plan.ignored.push({ messageId: record.messageId, key, reason: match.reason });
        continue;
      }
      const { uuid, prefix } = match.mapping;
      let trigger = plan.triggers.get(uuid);
      if (!trigger) {
        trigger = { uuid, prefixes: new Set(), messageIds: new Set(), keys: [] };
        plan.triggers.set(uuid, trigger);
      }
      trigger.prefixes.add(prefix);
      trigger.messageIds.add(record.messageId);
      trigger.keys.push(key);
    }
  }
  return plan;
}
