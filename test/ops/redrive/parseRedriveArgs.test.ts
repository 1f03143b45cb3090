import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../scripts/ops/errors';
import { DEFAULT_STACK_NAME, parseRedriveArgs } from '../../../scripts/ops/redrive/parseRedriveArgs';

describe('Function: parseRedriveArgs()', () => {
  it('defaults to a message move task between the default stack’s queues', () => {
    // Act
    const options = parseRedriveArgs([]);

    // Assess
    expect(options).toEqual({
      help: false,
      mode: 'move',
      queues: { from: 'stack', stackName: DEFAULT_STACK_NAME },
    });
  });

  it('reads the stack, region and rate', () => {
    // Act
    const options = parseRedriveArgs([
      '--stack',
      'Staging',
      '--region',
      'eu-west-1',
      '--max-per-second',
      '50',
    ]);

    // Assess
    expect(options).toMatchObject({
      queues: { stackName: 'Staging' },
      region: 'eu-west-1',
      maxPerSecond: 50,
    });
  });

  it('takes queue URLs instead of a stack, and a dry run needs only the dead-letter queue', () => {
    // Act
    const copy = parseRedriveArgs(['--copy', '--dlq-url', 'http://dlq', '--source-url', 'http://src']);
    const dryRun = parseRedriveArgs(['--dry-run', '--dlq-url', 'http://dlq']);

    // Assess
    expect(copy).toMatchObject({
      mode: 'copy',
      queues: { from: 'urls', deadLetterUrl: 'http://dlq', sourceUrl: 'http://src' },
    });
    expect(dryRun).toMatchObject({ mode: 'dry-run', queues: { from: 'urls', deadLetterUrl: 'http://dlq' } });
  });

  it('asks for help with --help or -h', () => {
    // Act & Assess
    expect(parseRedriveArgs(['--help']).help).toBe(true);
    expect(parseRedriveArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--dry-run', '--copy'], 'cannot be combined'],
    [
      ['--stack', 'S', '--dlq-url', 'http://dlq', '--source-url', 'http://src'],
      'either --stack or queue URLs',
    ],
    [['--copy', '--dlq-url', 'http://dlq'], '--dlq-url needs --source-url'],
    [['--source-url', 'http://src'], '--source-url needs --dlq-url'],
    [['--max-per-second', '0'], 'from 1 to 500'],
    [['--max-per-second', 'fast'], 'from 1 to 500'],
    [['--dry-run', '--max-per-second', '5'], 'moves nothing'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--stack'], 'argument missing'],
    [['extra'], 'Unexpected argument'],
  ])('rejects %j as a usage error', (argv, message) => {
    // Act & Assess
    expect(() => parseRedriveArgs(argv)).toThrow(UsageError);
    expect(() => parseRedriveArgs(argv)).toThrow(message);
  });
});
