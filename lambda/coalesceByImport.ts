import type { SQSRecord } from 'aws-lambda';
import { fileLandedAtMs } from '../contract/coverage';
import type { KeyMatch } from './mapKeyToImport';
import { isObjectCreated, parseNotification } from './parseNotification';

/** One import to trigger once for every record of the batch whose files map to it. */
export interface ImportTrigger {
  readonly uuid: string;
  readonly prefixes: Set<string>;
  /** The records (by message ID) that succeed or fail with this trigger. */
  readonly messageIds: Set<string>;
  readonly keys: string[];
  /** The same files with their records and landing times, in the order of `keys`. */
  readonly files: PlannedFile[];
  /** The longest settle window of the import's mappings that matched; none: trigger at once. */
  settleSeconds?: number;
}

/** One file behind an import trigger. */
export interface PlannedFile {
  readonly key: string;
  readonly messageId: string;
  /** `fileLandedAtMs` of its event time and its message's `SentTimestamp`; none: never covered. */
  readonly landedAtMs: number | undefined;
}

/** A record that can never trigger an import, however often it comes back. */
export interface UntriggerableRecord {
  readonly record: SQSRecord;
  /** `invalid`: the body cannot be read; `foreign-bucket`: it reports another bucket's object. */
  readonly kind: 'invalid' | 'foreign-bucket';
  readonly reason: string;
  readonly bucket?: string;
}

/** What the batch needs: calls to make, records that can never trigger, and what was passed over. */
export interface BatchPlan {
  readonly triggers: Map<string, ImportTrigger>;
  readonly untriggerable: UntriggerableRecord[];
  readonly ignored: { readonly messageId: string; readonly key: string; readonly reason: string }[];
  readonly testEvents: string[];
}

export interface PlanOptions {
  readonly matchKey: (key: string) => KeyMatch;
  /** The watched bucket: only its objects trigger imports. */
  readonly bucketName: string;
}

/** Groups every record of the batch by import, so each distinct import is called once. */
export function coalesceByImport(records: readonly SQSRecord[], options: PlanOptions): BatchPlan {
  const plan: BatchPlan = { triggers: new Map(), untriggerable: [], ignored: [], testEvents: [] };
  for (const record of records) {
    const parsed = parseNotification(record.body);
    if (parsed.kind === 'invalid') {
      plan.untriggerable.push({ record, kind: 'invalid', reason: parsed.reason });
      continue;
    }
    if (parsed.kind === 'test-event') {
      plan.testEvents.push(record.messageId);
      continue;
    }
    const foreign = parsed.objects.find((object) => object.bucket !== options.bucketName);
    if (foreign) {
      const reason = `object of bucket ${foreign.bucket}, not ${options.bucketName}`;
      plan.untriggerable.push({ record, kind: 'foreign-bucket', reason, bucket: foreign.bucket });
      continue;
    }
    for (const { key, eventName, eventTime } of parsed.objects) {
      if (!isObjectCreated(eventName)) {
        plan.ignored.push({ messageId: record.messageId, key, reason: `event ${eventName}` });
        continue;
      }
      const match = options.matchKey(key);
      if (match.kind === 'ignored') {
        plan.ignored.push({ messageId: record.messageId, key, reason: match.reason });
        continue;
      }
      const { uuid, prefix, settleSeconds } = match.mapping;
      let trigger = plan.triggers.get(uuid);
      if (!trigger) {
        trigger = { uuid, prefixes: new Set(), messageIds: new Set(), keys: [], files: [] };
        plan.triggers.set(uuid, trigger);
      }
      trigger.prefixes.add(prefix);
      trigger.messageIds.add(record.messageId);
      trigger.keys.push(key);
      const landedAtMs = fileLandedAtMs(eventTime, record.attributes.SentTimestamp);
      trigger.files.push({ key, messageId: record.messageId, landedAtMs });
      if (settleSeconds !== undefined && !(settleSeconds <= (trigger.settleSeconds ?? 0))) {
        trigger.settleSeconds = settleSeconds;
      }
    }
  }
  return plan;
}
