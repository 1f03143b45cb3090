import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';
import { deployLocally, type LocalDeployment } from '../deployLocally';
import { awsClientConfig, type MotoServer, startMotoServer } from '../moto/motoServer';
import { waitUntilDrained } from '../moto/waitUntilDrained';
import { createDeadLetterWatch } from './deadLetterWatch';
import { createEventReporter } from './eventReporter';
import type { SessionCounts } from './formatSession';
import { createLogCollector } from './functionLogs';
import { createOpsStack, secretArn } from './opsStack';
import type { StandInFlags } from './parseSandboxArgs';
import type { SandboxConfig } from './sandboxConfig';
import { standInBehaviourOf } from './standInBehaviourOf';

/** The sandbox's stack name: it names the queues, the bucket and the outputs stack ops reads. */
export const SANDBOX_STACK_NAME = 'BlueshiftSandbox';
const TICK_MS = 100;

export interface SandboxOptions {
  readonly config: SandboxConfig;
  readonly standIn: StandInFlags;
  /** The real API and key; absent: the stand-in. */
  readonly live?: { readonly apiKey: string };
  readonly print: (line: string) => void;
  readonly motoCommand?: string;
  /** Concurrent invocations, for tests that need one batch at a time. @default - the mapping's */
  readonly maxConcurrency?: number;
}

/** A running sandbox. */
export interface Sandbox {
  readonly deployment: LocalDeployment;
  readonly endpoint: string;
  readonly stackName: string;
  /** Uploads a file's content under `key`, as a partner's upload would. */
  drop(key: string, body: Uint8Array | string): Promise<void>;
  /** Waits until the ingest queue is empty and every batch is printed; false when time ran out first. */
  settle(timeoutMs: number): Promise<boolean>;
  counts(): Promise<SessionCounts>;
  /** Stops the poller, the stand-in and moto (by PID); safe to call twice. */
  stop(): Promise<void>;
}

/** Starts moto, deploys the synthesised stack into it, and runs the function behind the event source. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { config, print } = options;
  const moto = await startMotoServer({
    ...(options.motoCommand ? { command: options.motoCommand } : {}),
    // Ctrl-C reaches the sandbox only; it stops moto (by PID) after its summary.
    ownProcessGroup: true,
  });
  print(
    `moto_server started on ${moto.endpoint} (PID ${moto.pid}); synthesising and provisioning the stack…`,
  );
  let deployment: LocalDeployment | undefined;
  try {
    // The function logs at INFO: its lines are what the sandbox prints.
    process.env.E2E_LOG_LEVEL = 'INFO';
    const uuids = config.resolved.imports.map((mapping) => mapping.uuid);
    deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: config.raw,
      standIn: { knownUuids: uuids, behaviour: standInBehaviourOf(options.standIn) },
      stackName: SANDBOX_STACK_NAME,
      ...(options.live
        ? { live: { apiBaseUrl: config.resolved.apiBaseUrl, apiKey: options.live.apiKey } }
        : {}),
    });
    return await running(moto, deployment, options);
  } catch (error) {
    await deployment?.stop().catch(() => undefined);
    await moto.stop();
    throw error;
  }
}

async function running(
  moto: MotoServer,
  deployment: LocalDeployment,
  options: SandboxOptions,
): Promise<Sandbox> {
  const { print } = options;
  await createOpsStack(new CloudFormationClient(awsClientConfig(moto.endpoint)), {
    stackName: SANDBOX_STACK_NAME,
    imports: options.config.resolved.imports,
    ingestQueue: deployment.ingestQueue,
    deadLetterQueue: deployment.deadLetterQueue,
    ...(deployment.ledgerTable ? { ledgerTable: deployment.ledgerTable } : {}),
    ...(await secretArn(moto.endpoint)),
    apiBaseUrl: options.live ? options.config.resolved.apiBaseUrl : deployment.standIn.url,
  });

  const reporter = createEventReporter(
    {
      matchKey: createKeyMatcher(options.config.resolved.imports),
      maxReceiveCount: deployment.config.maxReceiveCount,
      clock: clockOf,
    },
    (line) => print(`${clockOf(Date.now())} ${line}`),
  );
  const collect = createLogCollector({
    onInvocation: reporter.addLog,
    onOtherLine: (line) => print(`${clockOf(Date.now())} function: ${line}`),
  });
  const poller = deployment.startPoller({
    output: (chunk) => collect(chunk),
    ...(options.maxConcurrency ? { maxConcurrency: options.maxConcurrency } : {}),
  });
  const deadLetters = createDeadLetterWatch({
    sqs: deployment.sqs,
    queueUrl: deployment.deadLetterQueue.url,
    stackName: SANDBOX_STACK_NAME,
    print: (line) => print(`${clockOf(Date.now())} ${line}`),
  });
  const ticker = setInterval(() => {
    reporter.flush(poller.invocations, Date.now());
    void deadLetters.check();
  }, TICK_MS);

  let stopped: Promise<void> | undefined;
  return {
    deployment,
    endpoint: moto.endpoint,
    stackName: SANDBOX_STACK_NAME,
    drop: async (key, body) => {
      await deployment.s3.send(new PutObjectCommand({ Bucket: deployment.bucket, Key: key, Body: body }));
      print(`${clockOf(Date.now())} ${key} uploaded`);
    },
    settle: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      const counts = await waitUntilDrained(deployment.sqs, deployment.ingestQueue.url, timeoutMs);
      const drained = counts.visible === 0 && counts.inFlight === 0;
      while (reporter.flush(poller.invocations, Date.now()) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      }
      reporter.flush(poller.invocations, Date.now(), true);
      await deadLetters.check(true);
      return drained;
    },
    counts: async () => {
      const inDeadLetterQueue = await deadLetters.check(true);
      const { totals } = reporter;
      return {
        files: totals.keys.size,
        triggers: totals.triggers,
        blueshiftCalls: deployment.standIn.calls.length,
        ...(options.live ? {} : { runs: deployment.standIn.runs.length }),
        covered: totals.covered,
        retried: totals.retried,
        deadLetters: inDeadLetterQueue,
      };
    },
    stop: () => {
      stopped ??= (async () => {
        clearInterval(ticker);
        try {
          await poller.stop();
          reporter.flush(poller.invocations, Date.now(), true);
          await deployment.stop();
        } finally {
          await moto.stop();
        }
      })();
      return stopped;
    },
  };
}

const clockOf = (atMs: number) => new Date(atMs).toISOString().slice(11, 19);
