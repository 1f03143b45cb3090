import { describe, expect, it } from 'vitest';
import { messagesToKeep } from '../../../local/eventSource/messagesToKeep';
import { sqsRecord } from '../../lambda/factories';

const records = [sqsRecord('{}', { messageId: 'a' }), sqsRecord('{}', { messageId: 'b' })];
const returned = (response: unknown) => ({ outcome: 'returned' as const, response });

describe('Function: messagesToKeep()', () => {
  it('keeps only the reported failures of a partial batch response', () => {
    // Act
    const kept = messagesToKeep(returned({ batchItemFailures: [{ itemIdentifier: 'b' }] }), records, true);

    // Assess
    expect([...kept]).toEqual(['b']);
  });

  it.each([null, {}, { batchItemFailures: [] }, { batchItemFailures: null }])(
    'keeps nothing when the response is %j',
    (response) => {
      // Act & Assess
      expect(messagesToKeep(returned(response), records, true).size).toBe(0);
    },
  );

  it.each([
    ['an unknown message ID', { batchItemFailures: [{ itemIdentifier: 'zzz' }] }],
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a misspelt key', { batchItemFailures: [{ itemId: 'a' }] }],
    ['a response that is not an object', 'ok'],
  ])('keeps the whole batch for %s', (_, response) => {
    // Act & Assess
    expect(messagesToKeep(returned(response), records, true).size).toBe(2);
  });

  it('keeps the whole batch when the function threw or timed out', () => {
    // Act & Assess
    expect(messagesToKeep({ outcome: 'threw', error: 'boom' }, records, true).size).toBe(2);
    expect(messagesToKeep({ outcome: 'timed-out' }, records, true).size).toBe(2);
  });

  it('ignores reported failures when the mapping does not report batch item failures', () => {
    // Act & Assess
    expect(
      messagesToKeep(returned({ batchItemFailures: [{ itemIdentifier: 'a' }] }), records, false).size,
    ).toBe(0);
  });
});
