import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { isAlive, spawnTied, stopChild } from '../process/childProcesses';
import { MOTO_ACCOUNT_ID } from '../provision/provisionOnMoto';
import type { FunctionBundle } from './findFunctionBundle';
import { lambdaNodeBinary } from './lambdaNodeBinary';

/** How an invocation ended, as the event source sees it. */
export type InvocationResult =
  | { readonly outcome: 'returned'; readonly response: unknown }
  | { readonly outcome: 'threw'; readonly error: string }
  | { readonly outcome: 'timed-out' };

/** Where the function's log lines go: each chunk it writes, and to which stream. */
export type FunctionOutput = (chunk: string, stream: 'stdout' | 'stderr') => void;

/** What Lambda knows about the function it runs. */
export interface FunctionSpec {
  readonly bundle: FunctionBundle;
  /** The function's environment: its own variables plus what Lambda adds (region, credentials, …). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly functionName: string;
  readonly memorySizeMb: number;
  readonly region: string;
  /** The template's Lambda runtime (`nodejs24.x`): the bundle runs on that Node.js major. */
  readonly runtime: string;
  /** Receives the function's output. @default - dropped, unless E2E_LOG_LEVEL is set (then printed) */
  readonly output?: FunctionOutput;
}

/** One Lambda execution environment: one invocation at a time, replaced after a timeout or a crash. */
export interface ExecutionEnvironment {
  invoke(event: SQSEvent): Promise<InvocationResult>;
  /** Ends the environment's process by its PID and waits for it to exit. */
  dispose(): Promise<void>;
  /** PID of the current environment's process, if one runs. */
  readonly pid: number | undefined;
}

const SHIM = path.join(import.meta.dirname, 'lambdaRuntimeShim.ts');
/** Kept from a crashed environment's stderr, for the error the event source sees. */
const STDERR_TAIL_CHARS = 2_000;

const printOutput: FunctionOutput = (chunk, stream) => process[stream].write(chunk);
const defaultOutput = (): FunctionOutput | undefined => (process.env.E2E_LOG_LEVEL ? printOutput : undefined);

/**
 * Starts an execution environment lazily, as a Node.js child process of the runtime's major running the bundle
 * exactly as synthesised: its first invocation is a cold start, as on Lambda. The process gets the function's
 * environment and nothing else; a timed-out or crashed one is killed and the next invocation starts afresh.
 */
export function createExecutionEnvironment(spec: FunctionSpec): ExecutionEnvironment {
  const timeoutMs = spec.timeoutSeconds * 1000;
  const node = lambdaNodeBinary(spec.runtime);
  const output = spec.output ?? defaultOutput();
  const fixedContext = JSON.stringify({
    functionName: spec.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${spec.region}:${MOTO_ACCOUNT_ID}:function:${spec.functionName}`,
    memoryLimitInMB: String(spec.memorySizeMb),
    logGroupName: `/aws/lambda/${spec.functionName}`,
    logStreamName: 'local',
  });
  let child: ChildProcess | undefined;
  let stderrTail = '';

  const start = () => {
    const started = spawnTied(node, [SHIM, spec.bundle.moduleFile, spec.bundle.exportName, fixedContext], {
      cwd: spec.bundle.codeDirectory,
      env: { ...spec.environment },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    stderrTail = '';
    started.stdout?.on('data', (chunk: Buffer) => output?.(chunk.toString(), 'stdout'));
    started.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
      output?.(chunk.toString(), 'stderr');
    });
    return started;
  };

  const end = async () => {
    const ending = child;
    child = undefined;
    if (ending) await stopChild(ending, 'SIGKILL', 0);
  };

  return {
    get pid() {
      return child?.pid;
    },
    invoke: (event) => {
      if (!child || !isAlive(child)) child = start();
      const current = child;
      return new Promise<InvocationResult>((resolve) => {
        let finished = false;
        const finish = (result: InvocationResult, endEnvironment: boolean) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          current.off('message', onMessage).off('exit', onExit).off('error', onError);
          if (endEnvironment && child === current) void end();
          resolve(result);
        };
        const onMessage = (result: InvocationResult) => finish(result, false);
        // The process dying mid-invocation (an unhandled rejection, running out of memory) ends the
        // environment, as on Lambda.
        const onExit = (code: number | null, signal: string | null) =>
          finish(
            { outcome: 'threw', error: `runtime exited (${signal ?? `code ${code}`})\n${stderrTail}` },
            true,
          );
        const onError = (error: Error) => finish({ outcome: 'threw', error: String(error) }, true);
        // Lambda ends an invocation at the function timeout and starts the next in a fresh environment.
        const timer = setTimeout(() => finish({ outcome: 'timed-out' }, true), timeoutMs);
        current.on('message', onMessage).on('exit', onExit).on('error', onError);
        // A channel that closed under the send (the process just died) fails this invocation, not the poller.
        current.send({ event, deadline: Date.now() + timeoutMs }, (error) => {
          if (error) finish({ outcome: 'threw', error: `runtime unreachable: ${error.message}` }, true);
        });
      });
    },
    dispose: end,
  };
}
