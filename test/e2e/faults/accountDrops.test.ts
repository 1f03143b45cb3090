import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../../local/blueshift/blueshiftStandIn';
import { accountDrops } from './accountDrops';
import type { Drop } from './dropSchedule';

const DAILY = 'aaaaaaaa-0000-4000-8000-000000000001';
const VIP = 'aaaaaaaa-0000-4000-8000-000000000002';

const drop = (key: string, uuid: string, droppedAt: number): Drop => ({ key, uuid, droppedAt });
const call = (uuid: string, at: number, response: RecordedCall['response']): RecordedCall => ({
  method: 'POST',
  path: '/api/v1/customer_attributes/trigger_import',
  headers: {},
  body: { uuid },
  at,
  response,
});

describe('Function: accountDrops()', () => {
  it('counts a file as triggered only by a 2xx for its import that came after its drop', () => {
    // Prepare
    const drops = [
      drop('daily/a.csv', DAILY, 100),
      drop('daily/b.csv', DAILY, 300),
      drop('vip/c.csv', VIP, 100),
    ];
    const calls = [call(DAILY, 200, 200), call(VIP, 150, 503), call(VIP, 250, 200)];

    // Act
    const accounting = accountDrops({ drops, calls, deadLetterKeys: [], maxReceiveCount: 3 });

    // Assess
    expect(accounting).toMatchObject({
      files: 3,
      imports: 2,
      filesTriggered: 2,
      importsTriggeredAfterLastDrop: 1,
    });
    expect(accounting.lost).toEqual(['daily/b.csv']);
  });

  it('does not count a dead-lettered file as lost, and explains it by the failures after its drop', () => {
    // Prepare
    const drops = [drop('vip/a.csv', VIP, 100), drop('vip/b.csv', VIP, 500)];
    const calls = [call(VIP, 10, 500), call(VIP, 200, 'hang'), call(VIP, 300, 429), call(VIP, 400, 'reset')];

    // Act
    const accounting = accountDrops({
      drops,
      calls,
      deadLetterKeys: ['vip/a.csv', 'vip/b.csv'],
      maxReceiveCount: 3,
    });

    // Assess
    expect(accounting.lost).toEqual([]);
    expect(accounting.filesDeadLettered).toBe(2);
    expect(accounting.deadLetteredWithoutCause).toEqual(['vip/b.csv']);
  });

  it('counts every answer but a 2xx as a fault, silence and resets included', () => {
    // Prepare
    const calls = [call(DAILY, 1, 200), call(DAILY, 2, 'hang'), call(DAILY, 3, 'reset'), call(DAILY, 4, 405)];

    // Act
    const accounting = accountDrops({ drops: [], calls, deadLetterKeys: [], maxReceiveCount: 3 });

    // Assess
    expect(accounting).toMatchObject({ calls: 4, faultedCalls: 3, faultRate: 0.75 });
  });
});
