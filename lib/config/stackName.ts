import { STACK_NAME } from './awsLimits';
import { ConfigError } from './validateConfig';

/** The stack name when `-c stackName=…` is not given. */
export const DEFAULT_STACK_NAME = 'BlueshiftImportTrigger';

/** The `stackName` context value, checked against CloudFormation's rule; a bad one is a ConfigError. */
export function validateStackName(raw: unknown): string {
  const name = raw ?? DEFAULT_STACK_NAME;
  if (typeof name === 'string' && STACK_NAME.test(name)) return name;
  throw new ConfigError([
    `stackName: must start with a letter and hold only letters, digits and hyphens, at most 128 characters ` +
      `(got ${JSON.stringify(name)})`,
  ]);
}
