import { readFileSync } from 'node:fs';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { classifyStatus } from '../../contract/redeliveryPolicy';
import type { AppConfig } from '../../lib/config/schema';
import type { StandInBehaviour } from '../blueshift/standInBehaviour';
import { deployLocally } from '../deployLocally';
import { messageCounts } from '../moto/messageCounts';
import { startMotoServer } from '../moto/motoServer';
import { waitUntilDrained } from '../moto/waitUntilDrained';

/** How the one drop ended. */
export type OnceOutcome = 'triggered' | 'dead-lettered' | 'not-triggered' | 'still-waiting';

/** Long enough for a drop to use up its receives with the local runtime's second-scale retry delays. */
const DRAIN_TIMEOUT_MS = 120_000;

/**
 * Runs the whole pipeline locally for one file: moto, the stack provisioned from its synthesised template, the
 * Blueshift stand-in, the event source; uploads the file under `key`, waits until the ingest queue is empty,
 * prints one line per Blueshift call and the outcome, and shuts everything down by PID.
 */
export async function runOnce(options: {
  readonly config: Omit<AppConfig, 'apiBaseUrl'>;
  readonly file: string;
  readonly key: string;
  readonly behaviour: StandInBehaviour;
  readonly print: (line: string) => void;
}): Promise<OnceOutcome> {
  const { print, key } = options;
  const body = readFileSync(options.file);
  const moto = await startMotoServer();
  try {
    print(`moto on ${moto.endpoint} (pid ${moto.pid}); synthesising and provisioning the stack…`);
    const deployment = await deployLocally({
      endpoint: moto.endpoint,
      config: options.config,
      standIn: { behaviour: options.behaviour },
      stackName: 'Sandbox',
    });
    try {
      print(`bucket ${deployment.bucket}, Blueshift stand-in on ${deployment.standIn.url}`);
      const poller = deployment.startPoller();
      await deployment.s3.send(new PutObjectCommand({ Bucket: deployment.bucket, Key: key, Body: body }));
      print(`dropped ${options.file} as s3://${deployment.bucket}/${key}`);
      const left = await waitUntilDrained(deployment.sqs, deployment.ingestQueue.url, DRAIN_TIMEOUT_MS);
      await poller.stop();
      const startedAt = deployment.standIn.calls[0]?.at ?? 0;
      for (const call of deployment.standIn.calls) {
        const uuid = (call.body as { uuid?: unknown } | null)?.uuid;
        const status = typeof call.response === 'number' ? call.response : 'network-error';
        const seconds = ((call.at - startedAt) / 1000).toFixed(1);
        print(`+${seconds}s ${key} → import ${String(uuid)} → ${call.response} (${classifyStatus(status)})`);
      }
      const deadLettered = await messageCounts(deployment.sqs, deployment.deadLetterQueue.url);
      const outcome = outcomeOf(deployment.standIn.calls.at(-1)?.response, deadLettered.visible, left);
      print(describeOutcome(outcome, key));
      return outcome;
    } finally {
      await deployment.stop();
    }
  } finally {
    await moto.stop();
  }
}

function outcomeOf(
  lastResponse: number | string | undefined,
  deadLetters: number,
  left: { readonly visible: number; readonly inFlight: number },
): OnceOutcome {
  if (typeof lastResponse === 'number' && lastResponse >= 200 && lastResponse < 300) return 'triggered';
  if (deadLetters > 0) return 'dead-lettered';
  if (left.visible + left.inFlight > 0) return 'still-waiting';
  return 'not-triggered';
}

function describeOutcome(outcome: OnceOutcome, key: string): string {
  switch (outcome) {
    case 'triggered':
      return `outcome: ${key} triggered its import`;
    case 'dead-lettered':
      return `outcome: ${key} is in the dead-letter queue (its import kept failing)`;
    case 'still-waiting':
      return `outcome: ${key} is still being retried after ${DRAIN_TIMEOUT_MS / 1000} s`;
    case 'not-triggered':
      return `outcome: ${key} triggered nothing (no import takes this key)`;
  }
}
