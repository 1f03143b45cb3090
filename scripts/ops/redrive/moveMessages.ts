import { ListMessageMoveTasksCommand, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { RedriveError } from '../errors';
import type { RedriveModeInput } from './types';

/** How often the task's progress is read. */
export const MOVE_POLL_INTERVAL_MS = 5_000;

/**
 * Starts an SQS message move task from the dead-letter queue to the ingest queue and follows it to its end.
 * Resolves true when it completed, false when it failed or was cancelled.
 */
export async function moveMessages(input: RedriveModeInput): Promise<boolean> {
  const { sqs, deadLetter, source, output } = input;
  const { TaskHandle } = await sqs
    .send(
      new StartMessageMoveTaskCommand({
        SourceArn: deadLetter.arn,
        DestinationArn: source.arn,
        ...(input.maxPerSecond === undefined ? {} : { MaxNumberOfMessagesPerSecond: input.maxPerSecond }),
      }),
    )
    .catch((error: Error) => {
      throw new RedriveError(
        `could not start a message move task: ${error.message} (where move tasks are unavailable, e.g. moto, use --copy)`,
      );
    });
  output.log(`Started message move task from ${deadLetter.arn} to ${source.arn}`);
  output.log(`Task handle (for 'aws sqs cancel-message-move-task'): ${TaskHandle}`);
  for (;;) {
    await input.sleep(MOVE_POLL_INTERVAL_MS);
    // The newest task of a source queue comes first; only one can run at a time.
    const { Results } = await sqs.send(
      new ListMessageMoveTasksCommand({ SourceArn: deadLetter.arn, MaxResults: 1 }),
    );
    const task = Results?.[0];
    if (!task) {
      output.error('The move task is no longer listed; check the dead-letter queue in the console.');
      return false;
    }
    const toMove = task.ApproximateNumberOfMessagesToMove ?? '?';
    output.log(`${task.Status}: moved ${task.ApproximateNumberOfMessagesMoved ?? 0} of ${toMove}`);
    if (task.Status === 'COMPLETED') return true;
    if (task.Status === 'FAILED' || task.Status === 'CANCELLED') {
      output.error(`Move task ${task.Status}: ${task.FailureReason ?? 'no reason given'}`);
      return false;
    }
  }
}
