import { OpsError, UsageError } from '../errors';
import { explainFailure } from '../explainFailure';
import { parseCommandArgs, type StackOptions } from '../parseCommandArgs';
import { deployedImports } from '../resolve/deployedImports';
import type { OpsCommand } from '../runCommand';
import { readStackOutputs, requireOutputs } from '../stackOutputs';
import { formatStatus } from './formatStatus';
import { readOldestMessageAge } from './readOldestMessageAge';
import { readQueueDepths } from './readQueueDepths';
import { scanLedger } from './scanLedger';

export interface StatusOptions {
  readonly stack: StackOptions;
}

export const STATUS_USAGE = `Usage: npm run ops -- status [--stack NAME] [--region R]

Shows the ingest and dead-letter queues' depths (visible, in flight, delayed), the age of the oldest ingest
message (CloudWatch's latest ApproximateAgeOfOldestMessage, "unknown" when it has none), and per import (the
deployed ones with their prefixes, and any the trigger ledger knows) its last trigger, last outcome,
busy-until and files waiting.

  --stack NAME        Stack whose outputs name the queues and table (default: BlueshiftImportTrigger)
  --region R          AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's)
  -h, --help          Show this help

Exit codes: 0 shown, 1 failed, 2 usage error.`;

export function parseStatusArgs(argv: readonly string[]): StatusOptions {
  const { stack, positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals.join(' ')}`);
  return { stack };
}

export const statusCommand: OpsCommand<StatusOptions> = {
  name: 'status',
  usage: STATUS_USAGE,
  parse: parseStatusArgs,
  run: async ({ options, clients, deps }) => {
    const { sqs, cloudFormation, cloudWatch, dynamoDb } = clients();
    const { stackName } = options.stack;
    const outputs = await readStackOutputs(cloudFormation, stackName);
    const queues = requireOutputs(outputs, ['ingestQueueUrl', 'deadLetterQueueUrl']);
    const tableName = outputs.values.ledgerTableName;
    const nowMs = deps.now();
    const [ingest, deadLetter, oldest, entries, imports] = await Promise.all([
      readQueueDepths(sqs, queues.ingestQueueUrl),
      readQueueDepths(sqs, queues.deadLetterQueueUrl),
      // CloudWatch and the ledger only add to the status: what they fail with is shown, not thrown.
      settle(readOldestMessageAge(cloudWatch, queues.ingestQueueUrl, nowMs)),
      tableName === undefined ? undefined : settle(scanLedger(dynamoDb, tableName)),
      // Only names the imports' prefixes: a stack deployed before the metadata existed still has a status.
      deployedImports(cloudFormation, stackName).catch((error: unknown) => {
        if (error instanceof OpsError) return undefined;
        throw error;
      }),
    ]);
    const lines = formatStatus({
      stackName,
      nowMs,
      ingest: { url: queues.ingestQueueUrl, depths: ingest },
      deadLetter: { url: queues.deadLetterQueueUrl, depths: deadLetter },
      oldest: oldest.value,
      ...(oldest.problem === undefined ? {} : { oldestUnreadable: oldest.problem }),
      ...(imports ? { imports } : {}),
      ledger:
        tableName === undefined || entries === undefined
          ? { kind: 'off' }
          : entries.problem === undefined
            ? { kind: 'on', tableName, entries: entries.value ?? [] }
            : { kind: 'unreadable', tableName, reason: entries.problem },
    });
    for (const line of lines) deps.output.log(line);
    return true;
  },
};

/** A read's value, or the one line explaining why it failed. */
async function settle<T>(read: Promise<T>): Promise<{ value?: T; problem?: string }> {
  try {
    return { value: await read };
  } catch (error) {
    return { problem: explainFailure(error) };
  }
}
