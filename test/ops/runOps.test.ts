import { describe, expect, it } from 'vitest';
import { EXIT, OPS_USAGE } from '../../scripts/ops/runOps';
import type { OpsClients } from '../../scripts/ops/types';
import { runOpsWith } from './support/opsHarness';

/** Clients that must not be used: these runs end before any AWS call. */
const noClients = {} as OpsClients;

describe('Function: runOps()', () => {
  it.each([[['--help']], [['help']], [['-h']]])('prints the command list for %j', async (argv) => {
    // Act
    const run = await runOpsWith({ clients: noClients }, argv);

    // Assess
    expect(run.code).toBe(EXIT.ok);
    expect(run.lines).toEqual([OPS_USAGE]);
  });

  it.each([
    [[], 'ops: no command given'],
    [['stats'], "ops: unknown command 'stats'"],
  ])('refuses %j with exit 2 and the command list', async (argv, message) => {
    // Act
    const run = await runOpsWith({ clients: noClients }, argv);

    // Assess
    expect(run.code).toBe(EXIT.usage);
    expect(run.errors).toEqual([`${message}\n\n${OPS_USAGE}`]);
  });

  it.each(['status', 'resolve', 'trigger', 'redrive'])(
    'prints the help of %s without making a client',
    async (command) => {
      // Act
      const run = await runOpsWith({ clients: noClients }, [command, '--help']);

      // Assess
      expect(run.code).toBe(EXIT.ok);
      expect(run.lines[0]).toMatch(new RegExp(`^Usage: npm run ops -- ${command}`));
      expect(run.deps.createClients).not.toHaveBeenCalled();
    },
  );

  it('explains a bad option of a command with exit 2 and that command’s help', async () => {
    // Act
    const run = await runOpsWith({ clients: noClients }, ['trigger', 'uuid', '--force']);

    // Assess
    expect(run.code).toBe(EXIT.usage);
    expect(run.errors[0]).toMatch(
      /^ops trigger: Unknown option '--force'.*\n\nUsage: npm run ops -- trigger/s,
    );
  });
});
