import { describe, expect, it } from 'vitest';
import { DEFAULT_STACK_NAME, validateStackName } from '../../lib/config/stackName';
import { ConfigError } from '../../lib/config/validateConfig';

describe('Function: validateStackName()', () => {
  it('defaults the stack name', () => {
    // Act / Assess
    expect(validateStackName(undefined)).toBe(DEFAULT_STACK_NAME);
  });

  it.each(['Imports-Prod', 'a', `A${'b'.repeat(127)}`])('accepts %s', (name) => {
    // Act / Assess
    expect(validateStackName(name)).toBe(name);
  });

  it.each(['1imports', 'imports_prod', 'imports prod', '', `A${'b'.repeat(128)}`])(
    'rejects %j with the config error format',
    (name) => {
      // Act
      const validate = () => validateStackName(name);

      // Assess
      expect(validate).toThrow(ConfigError);
      expect(validate).toThrow(
        /^Invalid blueshiftImportTrigger configuration \(1 problem\(s\)\):\n {2}- stackName: must start with a letter/,
      );
    },
  );
});
