import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { copyBatch } from './copyBatch';
import type { RedriveModeInput } from './types';

/** Long enough that no other consumer (a console redrive, another run) takes a batch while it is copied. */
export const COPY_VISIBILITY_TIMEOUT_SECONDS = 300;
/** A long poll asks every SQS server, so an empty answer means the queue is empty. */
const RECEIVE_WAIT_SECONDS = 1;

/**
 * Copies the dead-letter queue into the ingest queue batch by batch, send first and delete after, until a
 * receive comes back empty. Stops at the first batch with a problem. Resolves true when all went well.
 */
export async function copyMessages(input: RedriveModeInput): Promise<boolean> {
  const { sqs, deadLetter, source, output } = input;
  const totals = { copied: 0, unsent: 0, undeleted: 0 };
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetter.url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: COPY_VISIBILITY_TIMEOUT_SECONDS,
        WaitTimeSeconds: RECEIVE_WAIT_SECONDS,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) break;
    const outcome = await copyBatch(sqs, deadLetter, source, Messages);
    totals.copied += outcome.copied;
    totals.unsent += outcome.unsent;
    totals.undeleted += outcome.undeleted;
    for (const problem of outcome.problems) output.error(problem);
    if (outcome.problems.length > 0) break;
    output.log(`Copied ${totals.copied} so far`);
    if (input.maxPerSecond) await input.sleep((Messages.length / input.maxPerSecond) * 1000);
  }
  output.log(`Copied ${totals.copied} message(s) from ${deadLetter.url} to ${source.url}.`);
  if (totals.unsent > 0) {
    output.error(
      `${totals.unsent} message(s) were not sent and stay in the dead-letter queue ` +
        `(visible again within ${COPY_VISIBILITY_TIMEOUT_SECONDS} s); run again to retry them.`,
    );
  }
  if (totals.undeleted > 0) {
    output.error(
      `${totals.undeleted} message(s) were sent but not deleted; a later run sends them again (duplicates).`,
    );
  }
  return totals.unsent === 0 && totals.undeleted === 0;
}
