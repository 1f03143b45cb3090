import { describe, expect, it } from 'vitest';
import { UNTRIGGERABLE_DELAY_SECONDS } from '../../contract/redeliveryPolicy';
import type { ImportTrigger } from '../../lambda/coalesceByImport';
import { decideFailures } from '../../lambda/decideFailures';
import type { TriggerOutcome } from '../../lambda/triggerWithRetries';
import { s3NotificationBody, sqsRecord } from './factories';

const settings = { maxReceiveCount: 5, retryBaseDelaySeconds: 30, retryMaxDelaySeconds: 1800 };
const triggerOf = (uuid: string, ...messageIds: string[]): ImportTrigger => ({
  uuid,
  prefixes: new Set(['daily/']),
  messageIds: new Set(messageIds),
  keys: [],
  files: [],
});
const outcome = (verdict: TriggerOutcome['verdict'], retryAfterSeconds?: number): TriggerOutcome => ({
  verdict,
  message: '',
  attempts: 1,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

describe('Function: decideFailures()', () => {
  it('fails nothing when every import was triggered', () => {
    // Prepare
    const record = sqsRecord(s3NotificationBody(['daily/a.csv']));

    // Act / Assess
    expect(
      decideFailures(
        [record],
        [],
        [{ trigger: triggerOf('u', record.messageId), outcome: outcome('triggered') }],
        settings,
      ),
    ).toEqual([]);
  });

  it('gives a record behind two failed imports the longest delay either asks for', () => {
    // Prepare
    const record = sqsRecord(s3NotificationBody(['daily/a.csv', 'vip/b.csv']), { receiveCount: 2 });
    const triggered = [
      { trigger: triggerOf('a', record.messageId), outcome: outcome('busy') },
      { trigger: triggerOf('b', record.messageId), outcome: outcome('transient', 900) },
    ];

    // Act / Assess
    expect(decideFailures([record], [], triggered, settings)).toEqual([
      { record, receiveCount: 2, delaySeconds: 900, lastReceive: false },
    ]);
  });

  it('fails an untriggerable record with the untriggerable delay', () => {
    // Prepare
    const record = sqsRecord('not json');

    // Act / Assess
    expect(
      decideFailures([record], [{ record, kind: 'invalid', reason: 'body is not JSON' }], [], settings),
    ).toEqual([{ record, receiveCount: 1, delaySeconds: UNTRIGGERABLE_DELAY_SECONDS, lastReceive: false }]);
  });

  it('marks the last receive, with no delay', () => {
    // Prepare
    const record = sqsRecord(s3NotificationBody(['daily/a.csv']), { receiveCount: 5 });

    // Act
    const [failure] = decideFailures(
      [record],
      [],
      [{ trigger: triggerOf('u', record.messageId), outcome: outcome('transient') }],
      settings,
    );

    // Assess
    expect(failure).toMatchObject({ delaySeconds: 0, lastReceive: true });
  });
});
