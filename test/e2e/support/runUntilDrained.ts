import type { LocalDeployment } from '../../../local/deployLocally';
import type { PolledInvocation } from '../../../local/eventSource/startEventSourcePoller';
import type { MessageCounts } from '../../../local/moto/messageCounts';
import { waitUntilDrained } from '../../../local/moto/waitUntilDrained';

/** What the event source did while the ingest queue drained, and what it left behind. */
export interface DrainRun {
  readonly left: MessageCounts;
  readonly invocations: readonly PolledInvocation[];
  readonly pollerErrors: readonly string[];
}

/** Runs the event source until the ingest queue is empty or `timeoutMs` passes, then stops it. */
export async function runUntilDrained(deployment: LocalDeployment, timeoutMs = 30_000): Promise<DrainRun> {
  const poller = deployment.startPoller();
  try {
    const left = await waitUntilDrained(deployment.sqs, deployment.ingestQueue.url, timeoutMs);
    return { left, invocations: poller.invocations, pollerErrors: poller.errors };
  } finally {
    await poller.stop();
  }
}

/** Every receive of the messages whose body matches, in order: its receive count and whether it was kept. */
export function receivesOf(
  run: DrainRun,
  matches: (body: string) => boolean,
): { readonly receiveCount: number; readonly kept: boolean }[] {
  return run.invocations.flatMap((invocation) =>
    invocation.records
      .filter((record) => matches(record.body))
      .map((record) => ({
        receiveCount: record.receiveCount,
        kept: invocation.kept.includes(record.messageId),
      })),
  );
}
