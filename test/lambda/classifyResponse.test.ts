import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../lambda/classifyResponse';

const response = (status: number) => ({ kind: 'response' as const, status, message: '' });

describe('Function: classifyResponse()', () => {
  it.each([
    [200, 'triggered'],
    [202, 'triggered'],
    [429, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
    [405, 'busy'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'rejected'],
    [400, 'rejected'],
    [422, 'rejected'],
  ])('classifies status %i as %s', (status, verdict) => {
    // Act / Assess
    expect(classifyResponse(response(status))).toBe(verdict);
  });

  it.each(['timeout', 'network-error'] as const)('treats a %s as transient', (kind) => {
    // Act / Assess
    expect(classifyResponse({ kind, message: '' })).toBe('transient');
  });
});
