import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../lambda/retryAfter';

describe('Function: parseRetryAfter()', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');

  it('reads delay seconds', () => {
    // Act / Assess
    expect(parseRetryAfter('120', now)).toBe(120);
  });

  it('reads an HTTP date as seconds from now, rounded up', () => {
    // Act / Assess
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:01:30 GMT', now)).toBe(90);
  });

  it('treats a date in the past as no wait', () => {
    // Act / Assess
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-5'])('ignores %s', (header) => {
    // Act / Assess
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
