import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createExecutionEnvironment,
  type ExecutionEnvironment,
  type FunctionSpec,
} from '../../../local/function/executionEnvironment';

/** A handler module that answers by the event's first record body, as a test function. */
const HANDLER = `
export const handler = async (event, context) => {
  const body = event.Records[0]?.body;
  if (body === 'hang') return new Promise(() => {});
  if (body === 'throw') throw new Error('handler failed');
  if (body === 'crash') { setTimeout(() => { throw new Error('escaped'); }); return new Promise(() => {}); }
  return {
    node: process.version,
    pid: process.pid,
    remainingMs: context.getRemainingTimeInMillis(),
    functionName: context.functionName,
    onlyFunctionEnvironment: process.env.VITEST === undefined && process.env.GIVEN === 'yes',
  };
};
`;

const event = (body: string): SQSEvent => ({ Records: [{ body } as SQSEvent['Records'][number]] });

let codeDirectory: string;
const spec = (overrides: Partial<FunctionSpec> = {}): FunctionSpec => ({
  bundle: { codeDirectory, moduleFile: path.join(codeDirectory, 'index.mjs'), exportName: 'handler' },
  environment: { GIVEN: 'yes' },
  timeoutSeconds: 2,
  functionName: 'Local-Function',
  memorySizeMb: 256,
  region: 'us-east-1',
  runtime: 'nodejs24.x',
  ...overrides,
});

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Function: createExecutionEnvironment()', () => {
  let environment: ExecutionEnvironment;

  beforeAll(() => {
    codeDirectory = mkdtempSync(path.join(tmpdir(), 'execution-environment-'));
    writeFileSync(path.join(codeDirectory, 'index.mjs'), HANDLER);
  });
  afterEach(() => environment?.dispose());
  afterAll(() => rmSync(codeDirectory, { recursive: true, force: true }));

  it('runs the handler on the runtime’s Node.js major, in its own process with only the function’s environment', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec());

    // Act
    const result = await environment.invoke(event('ok'));

    // Assess
    expect(result).toMatchObject({
      outcome: 'returned',
      response: {
        node: expect.stringMatching(/^v24\./),
        functionName: 'Local-Function',
        onlyFunctionEnvironment: true,
      },
    });
    const { pid, remainingMs } = (result as { response: { pid: number; remainingMs: number } }).response;
    expect(pid).not.toBe(process.pid);
    expect(remainingMs).toBeGreaterThan(1_000);
    expect(remainingMs).toBeLessThanOrEqual(2_000);
  });

  it('keeps one process for consecutive invocations, as a warm environment', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec());

    // Act
    const first = await environment.invoke(event('ok'));
    const second = await environment.invoke(event('ok'));

    // Assess
    const pidOf = (result: unknown) => (result as { response: { pid: number } }).response.pid;
    expect(pidOf(second)).toBe(pidOf(first));
  });

  it('reports a thrown error and keeps the environment', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec());
    await environment.invoke(event('ok'));
    const pid = environment.pid;

    // Act
    const result = await environment.invoke(event('throw'));

    // Assess
    expect(result).toMatchObject({ outcome: 'threw', error: expect.stringContaining('handler failed') });
    expect(environment.pid).toBe(pid);
  });

  it('ends the invocation at the function timeout, kills the process by PID and starts a fresh one next', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec({ timeoutSeconds: 1 }));
    await environment.invoke(event('ok'));
    const hungPid = environment.pid as number;

    // Act
    const timedOut = await environment.invoke(event('hang'));
    await expect.poll(() => isRunning(hungPid)).toBe(false);
    const next = await environment.invoke(event('ok'));

    // Assess
    expect(timedOut).toEqual({ outcome: 'timed-out' });
    expect(next).toMatchObject({ outcome: 'returned' });
    expect(environment.pid).not.toBe(hungPid);
  });

  it('fails the invocation when the process dies, with its stderr, and replaces it', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec());

    // Act
    const crashed = await environment.invoke(event('crash'));
    const next = await environment.invoke(event('ok'));

    // Assess
    expect(crashed).toMatchObject({ outcome: 'threw', error: expect.stringContaining('escaped') });
    expect(next).toMatchObject({ outcome: 'returned' });
  });

  it('leaves no process behind once disposed', async () => {
    // Prepare
    environment = createExecutionEnvironment(spec());
    await environment.invoke(event('ok'));
    const pid = environment.pid as number;

    // Act
    await environment.dispose();

    // Assess
    expect(isRunning(pid)).toBe(false);
    expect(environment.pid).toBeUndefined();
  });
});
