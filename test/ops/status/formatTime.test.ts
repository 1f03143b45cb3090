import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime } from '../../../scripts/ops/status/formatTime';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('Function: formatTime()', () => {
  it.each([
    [NOW - 90_000, '11:58:30Z (1 min ago)'],
    [NOW + 300_000, '12:05:00Z (in 5 min)'],
    [NOW, '12:00:00Z (now)'],
    [NOW - 3 * 86_400_000, '2026-11-28 12:00:00Z (3 d ago)'],
  ])('shows %d as %s: the date only beyond a day from now', (atMs, shown) => {
    expect(formatTime(atMs, NOW)).toBe(shown);
  });
});

describe('Function: formatDuration()', () => {
  it.each([
    [42, '42 s'],
    [125, '2 min'],
    [3600, '1 h'],
    [12_000, '3 h 20 min'],
    [187_200, '2 d 4 h'],
  ])('says %d s as %s', (seconds, said) => {
    expect(formatDuration(seconds)).toBe(said);
  });
});
