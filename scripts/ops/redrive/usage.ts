import { DEFAULT_STACK_NAME } from './parseRedriveArgs';

/** The text `--help` prints. */
export const USAGE = `Usage: npm run ops -- redrive [--stack NAME] [--region R] [--dry-run | --copy] [--max-per-second N]
       npm run redrive -- [same options]

Sends the messages in the dead-letter queue back to the ingest queue, so their imports are triggered again.
The queues are read from the CloudFormation stack's outputs: no ARN or URL needs typing.

Modes:
  (default)           Start an SQS message move task (dead-letter queue -> ingest queue) and follow it
                      until it completes. Interrupting this command does not stop the task; cancel it with
                      'aws sqs cancel-message-move-task --task-handle HANDLE'.
  --dry-run           Count the dead-letter queue's messages and show the S3 keys of up to 10 of them.
                      Moves and deletes nothing (each peeked message's receive count goes up by one).
  --copy              Copy batch by batch where message move tasks are not available (e.g. moto): each
                      message is sent to the ingest queue first and deleted from the dead-letter queue only
                      after its send succeeded. Interrupted half way, nothing is lost: a message is at worst
                      sent twice (the handler coalesces duplicates), never deleted before its copy is sent.

Options:
  --stack NAME        Stack whose outputs name the queues (default: ${DEFAULT_STACK_NAME})
  --region R          AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's)
  --dlq-url URL       Use this dead-letter queue instead of the stack's; needs --source-url unless --dry-run
  --source-url URL    Use this ingest queue instead of the stack's
  --max-per-second N  Send at most N messages per second, 1 to 500 (default: as fast as SQS allows)
  -h, --help          Show this help

Before anything moves (and in a dry run), the ingest queue's RedrivePolicy must name the dead-letter queue
(a dry run given only --dlq-url: some queue's must), and the two must be different queues; otherwise nothing
is moved or peeked and the exit code is 1.

Credentials, region and endpoint come from the AWS SDK's usual sources (AWS_PROFILE, AWS_REGION,
AWS_ENDPOINT_URL for a local moto, ...).

Exit codes: 0 done, 1 failed, 2 usage error.`;
