import { describe, expect, it } from 'vitest';
import { LOG_GROUP_PREFIX, logGroupNameOf, serviceNameOf } from '../../lib/deploymentNames';

/** CloudWatch Logs group names: 1 to 512 characters of these. */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

describe('Function: logGroupNameOf()', () => {
  it('names the group after the stack and the construct id under one prefix', () => {
    // Act
    const name = logGroupNameOf('ImportTriggerProd', 'Trigger');

    // Assess
    expect(name).toBe('/blueshift-import-trigger/ImportTriggerProd-Trigger');
  });

  it('replaces characters CloudWatch Logs does not allow', () => {
    // Act
    const name = logGroupNameOf('Stack', 'Imports v2 (eu)');

    // Assess
    expect(name).toBe('/blueshift-import-trigger/Stack-Imports-v2--eu-');
    expect(name).toMatch(LOG_GROUP_NAME);
  });

  it('cuts a name longer than 512 characters, keeping two long names apart by a hash', () => {
    // Prepare
    const stackName = `S${'a'.repeat(127)}`;

    // Act
    const first = logGroupNameOf(stackName, `${'b'.repeat(400)}1`);
    const second = logGroupNameOf(stackName, `${'b'.repeat(400)}2`);

    // Assess
    expect(first).toHaveLength(512);
    expect(first).toMatch(LOG_GROUP_NAME);
    expect(first.startsWith(LOG_GROUP_PREFIX)).toBe(true);
    expect(first).not.toBe(second);
  });
});

describe('Function: serviceNameOf()', () => {
  it('names the deployment by stack and construct id', () => {
    // Act / Assess
    expect(serviceNameOf('ImportTriggerProd', 'Trigger')).toBe('ImportTriggerProd-Trigger');
  });

  it('stays within 255 characters of letters, digits, hyphens and underscores', () => {
    // Act
    const first = serviceNameOf(`S${'a'.repeat(127)}`, `${'b/'.repeat(100)}1`);
    const second = serviceNameOf(`S${'a'.repeat(127)}`, `${'b/'.repeat(100)}2`);

    // Assess
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
    expect(first).toHaveLength(255);
    expect(first).not.toBe(second);
  });
});
