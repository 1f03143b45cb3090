import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../scripts/ops/errors';
import { parseResolveArgs } from '../../../scripts/ops/resolve/resolveCommand';

describe('Function: parseResolveArgs()', () => {
  it('takes one key and the stack to read', () => {
    expect(parseResolveArgs(['customers/a b.csv', '--stack', 'Prod'])).toEqual({
      stack: { help: false, stackName: 'Prod' },
      key: 'customers/a b.csv',
      local: false,
      context: [],
    });
  });

  it('takes --local with --config and repeated -c', () => {
    expect(
      parseResolveArgs(['k', '--local', '--config', 'prod.json', '-c', 'a=1', '-c', 'b=2']),
    ).toMatchObject({
      local: true,
      configFile: 'prod.json',
      context: ['a=1', 'b=2'],
    });
  });

  it.each([
    [[], 'missing KEY'],
    [['a', 'b'], 'one KEY only (also got: b)'],
    [['k', '--config', 'x.json'], '--config and -c read a local config: add --local'],
    [['k', '--local', '--stack', 'S'], '--local reads no stack'],
    [['k', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseResolveArgs(argv)).toThrow(UsageError);
    expect(() => parseResolveArgs(argv)).toThrow(message);
  });
});
