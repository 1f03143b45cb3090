import { describe, expect, it } from 'vitest';
import { decodeKey } from '../../lambda/decodeKey';

describe('Function: decodeKey()', () => {
  it.each([
    ['customers/daily/file+one.csv', 'customers/daily/file one.csv'],
    ['customers/daily/a%2Bb.csv', 'customers/daily/a+b.csv'],
    ['customers%2Fdaily%2Fx.csv', 'customers/daily/x.csv'],
    ['customers/caf%C3%A9.csv', 'customers/café.csv'],
    ['plain/key.csv', 'plain/key.csv'],
  ])('decodes %s to %s', (encoded, decoded) => {
    // Act / Assess
    expect(decodeKey(encoded)).toBe(decoded);
  });

  it('keeps a malformed escape as it is instead of throwing', () => {
    // Act / Assess
    expect(decodeKey('bad%E0%A4%A.csv')).toBe('bad%E0%A4%A.csv');
  });
});
