import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SQSEvent } from 'aws-lambda';
import { MOTO_ACCOUNT_ID } from '../provision/provisionOnMoto';
import type { FunctionBundle } from './findFunctionBundle';

/** How an invocation ended, as the event source sees it. */
export type InvocationResult =
  | { readonly outcome: 'returned'; readonly response: unknown }
  | { readonly outcome: 'threw'; readonly error: string }
  | { readonly outcome: 'timed-out' };

/** What Lambda knows about the function it runs. */
export interface FunctionSpec {
  readonly bundle: FunctionBundle;
  /** The function's environment: its own variables plus what Lambda adds (region, credentials, …). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly functionName: string;
  readonly memorySizeMb: number;
  readonly region: string;
  /** Receives each line the function writes to stdout (its logs); absent: the lines go to this process's stdout. */
  readonly onLogLine?: (line: string) => void;
}

/** One Lambda execution environment: one invocation at a time, replaced after a timeout or a crash. */
export interface ExecutionEnvironment {
  invoke(event: SQSEvent): Promise<InvocationResult>;
  dispose(): Promise<void>;
}

/**
 * Runs in a worker thread, so the bundle is imported by Node itself (not the test runner's transform) with
 * the function's own `process.env`, and a timed-out invocation can be ended by ending the thread.
 */
const RUNTIME = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const loading = import(workerData.moduleUrl);
parentPort.on('message', async ({ event, deadline }) => {
  const context = {
    ...workerData.context,
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {}, fail() {}, succeed() {},
  };
  try {
    const response = await (await loading)[workerData.exportName](event, context);
    // Lambda hands the event source the response as JSON.
    parentPort.postMessage({ outcome: 'returned', response: JSON.parse(JSON.stringify(response ?? null)) });
  } catch (error) {
    parentPort.postMessage({ outcome: 'threw', error: String(error && error.stack ? error.stack : error) });
  }
});
`;

/** Starts an execution environment lazily: its first invocation is a cold start, as on Lambda. */
export function createExecutionEnvironment(spec: FunctionSpec): ExecutionEnvironment {
  const timeoutMs = spec.timeoutSeconds * 1000;
  let worker: Worker | undefined;
  const start = () =>
    new Worker(RUNTIME, {
      eval: true,
      env: { ...spec.environment },
      stdout: spec.onLogLine !== undefined,
      workerData: {
        moduleUrl: pathToFileURL(spec.bundle.moduleFile).href,
        exportName: spec.bundle.exportName,
        context: {
          functionName: spec.functionName,
          functionVersion: '$LATEST',
          invokedFunctionArn: `arn:aws:lambda:${spec.region}:${MOTO_ACCOUNT_ID}:function:${spec.functionName}`,
          memoryLimitInMB: String(spec.memorySizeMb),
          logGroupName: `/aws/lambda/${spec.functionName}`,
          logStreamName: 'local',
        },
      },
    });

  const startWithLogs = () => {
    const started = start();
    if (spec.onLogLine) createInterface({ input: started.stdout }).on('line', spec.onLogLine);
    return started;
  };

  const end = async () => {
    const ending = worker;
    worker = undefined;
    await ending?.terminate();
  };

  return {
    invoke: (event) => {
      worker ??= startWithLogs();
      const current = worker;
      return new Promise<InvocationResult>((resolve) => {
        const finish = (result: InvocationResult, endEnvironment: boolean) => {
          clearTimeout(timer);
          current.off('message', onMessage).off('error', onError);
          if (endEnvironment) void end();
          resolve(result);
        };
        const onMessage = (result: InvocationResult) => finish(result, false);
        // An error escaping the handler (an unhandled rejection, say) ends the environment, as on Lambda.
        const onError = (error: Error) => finish({ outcome: 'threw', error: String(error) }, true);
        // Lambda ends an invocation at the function timeout and starts the next in a fresh environment.
        const timer = setTimeout(() => finish({ outcome: 'timed-out' }, true), timeoutMs);
        current.on('message', onMessage).on('error', onError);
        current.postMessage({ event, deadline: Date.now() + timeoutMs });
      });
    },
    dispose: end,
  };
}
