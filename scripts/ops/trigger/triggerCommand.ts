import { OpsError } from '../errors';
import { onePositional, parseCommandArgs, type StackOptions } from '../parseCommandArgs';
import { deployedImports } from '../resolve/deployedImports';
import type { OpsCommand } from '../runCommand';
import { readStackOutputs, requireOutputs } from '../stackOutputs';
import { describeOutcome } from './describeOutcome';
import { pickImport } from './pickImport';
import { openTriggerLedger } from './triggerLedger';
import { triggerNow } from './triggerNow';

export interface TriggerOptions {
  readonly stack: StackOptions;
  readonly target: string;
  readonly yes: boolean;
}

export const TRIGGER_USAGE = `Usage: npm run ops -- trigger UUID|PREFIX [--yes] [--stack NAME] [--region R]

Triggers a Blueshift import now, as the function would: the API key from the stack's secret, the same
client and the same retries (transient failures retried briefly; a 401 re-reads the key once). The import is
named by its UUID or by a configured prefix, and must be in the deployed config. Asks before calling.
A success is recorded in the trigger ledger (when the stack has one) at its send time by AWS's clock (read
from a DynamoDB answer; without it nothing is recorded): files that landed before it count as covered and are
not triggered again. The key is never printed.

  --yes               Do not ask (needed when standard input is not a terminal)
  --stack NAME        Stack to read (default: BlueshiftImportTrigger)
  --region R          AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's)
  -h, --help          Show this help

Exit codes: 0 triggered, 1 not triggered or failed, 2 usage error.`;

export function parseTriggerArgs(argv: readonly string[]): TriggerOptions {
  const { stack, values, positionals } = parseCommandArgs(argv, { yes: { type: 'boolean', short: 'y' } });
  if (stack.help) return { stack, target: '', yes: false };
  return { stack, target: onePositional(positionals, 'UUID or PREFIX'), yes: values.yes === true };
}

export const triggerCommand: OpsCommand<TriggerOptions> = {
  name: 'trigger',
  usage: TRIGGER_USAGE,
  parse: parseTriggerArgs,
  run: async ({ options, clients, deps }) => {
    const { output } = deps;
    const { cloudFormation, secretsManager, dynamoDb } = clients();
    const { stackName } = options.stack;
    const outputs = await readStackOutputs(cloudFormation, stackName);
    const { apiKeySecretArn, apiBaseUrl } = requireOutputs(outputs, ['apiKeySecretArn', 'apiBaseUrl']);
    const picked = pickImport(await deployedImports(cloudFormation, stackName), options.target);
    const prefixes = picked.mappings.map((mapping) => mapping.prefix).join(', ');
    const question = `Trigger import ${picked.uuid} (${prefixes}) now at ${apiBaseUrl}?`;
    if (!options.yes) {
      if (!deps.confirm) {
        throw new OpsError(
          'refusing to trigger without a confirmation: standard input is no terminal; add --yes',
        );
      }
      if (!(await deps.confirm(question))) {
        output.log('Not triggered: not confirmed.');
        return false;
      }
    }
    const tableName = outputs.values.ledgerTableName;
    // Opened before the call: its read gives AWS's time, by which the outcome is recorded.
    const ledger =
      tableName === undefined
        ? undefined
        : await openTriggerLedger({ client: dynamoDb, tableName, uuid: picked.uuid, now: deps.now });
    const outcome = await triggerNow({
      uuid: picked.uuid,
      apiBaseUrl,
      secretId: apiKeySecretArn,
      secretsManager,
      now: deps.now,
      sleep: deps.sleep,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      onAttempt: (attempt) =>
        output.log(
          `  attempt ${attempt.attempt}: ${attempt.status} (${attempt.durationMs} ms) ${attempt.message}`,
        ),
    });
    output.log(describeOutcome(picked.uuid, outcome));
    if (!ledger) output.log('The stack has no trigger ledger: nothing was recorded.');
    else if (outcome.attempts > 0) {
      const record = await ledger.record(outcome);
      if (record.kind === 'not-recorded') {
        // A warning only: the trigger happened (or not) regardless; an unrecorded success at worst lets later
        // batches trigger once more.
        output.error(
          `warning: the trigger ledger was not updated with the outcome (${outcome.verdict}): ${record.reason}`,
        );
      } else if (record.triggeredAtMs !== undefined) {
        output.log(
          `Recorded in the trigger ledger (sent ${new Date(record.triggeredAtMs).toISOString()} by AWS's clock): ` +
            'files that landed before it, less the coverage margin, count as covered.',
        );
      }
    }
    return outcome.verdict === 'triggered';
  },
};
