import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../scripts/ops/errors';
import { parseStatusArgs } from '../../../scripts/ops/status/statusCommand';
import { parseTriggerArgs } from '../../../scripts/ops/trigger/triggerCommand';

describe('Function: parseTriggerArgs()', () => {
  it('takes one UUID or prefix, --yes (or -y), the stack and the region', () => {
    expect(parseTriggerArgs(['customers/', '-y', '--stack', 'Prod', '--region', 'eu-west-1'])).toEqual({
      stack: { help: false, stackName: 'Prod', region: 'eu-west-1' },
      target: 'customers/',
      yes: true,
    });
  });

  it('asks by default, on the default stack', () => {
    expect(parseTriggerArgs(['customers/'])).toEqual({
      stack: { help: false, stackName: 'BlueshiftImportTrigger' },
      target: 'customers/',
      yes: false,
    });
  });

  it.each([
    [[], 'missing UUID or PREFIX'],
    [['a/', 'b/'], 'one UUID or PREFIX only (also got: b/)'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseTriggerArgs(argv)).toThrow(UsageError);
    expect(() => parseTriggerArgs(argv)).toThrow(message);
  });
});

describe('Function: parseStatusArgs()', () => {
  it('takes the stack and region and nothing else', () => {
    expect(parseStatusArgs(['--stack', 'Prod'])).toEqual({ stack: { help: false, stackName: 'Prod' } });
    expect(() => parseStatusArgs(['Prod'])).toThrow('unexpected argument: Prod');
  });
});
