import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { STACK_OUTPUT_KEYS } from '../../contract/stackOutputs';
import { OpsError } from './errors';

/** A stack output by its name in the contract (`ingestQueueUrl`), not its key (`IngestQueueUrl`). */
export type StackOutputName = keyof typeof STACK_OUTPUT_KEYS;

/** The deployed stack's outputs the ops commands know, each absent when the stack does not emit it. */
export interface StackOutputs {
  readonly stackName: string;
  readonly values: Partial<Record<StackOutputName, string>>;
  /** Every output key the stack has, for error messages. */
  readonly keys: readonly string[];
}

/** Reads the stack's outputs (DescribeStacks); an unknown stack is the SDK's ValidationError, explained later. */
export async function readStackOutputs(
  cloudFormation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
): Promise<StackOutputs> {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const stack = Stacks?.[0];
  if (!stack) throw new OpsError(`stack ${stackName} was not found`);
  const byKey = new Map((stack.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const values: Partial<Record<StackOutputName, string>> = {};
  for (const [name, key] of Object.entries(STACK_OUTPUT_KEYS) as [StackOutputName, string][]) {
    const value = byKey.get(key);
    if (value) values[name] = value;
  }
  return { stackName, values, keys: [...byKey.keys()].filter((key) => key !== undefined) };
}

/** The named outputs' values; throws naming every missing output key and the keys the stack has. */
export function requireOutputs<Name extends StackOutputName>(
  outputs: StackOutputs,
  names: readonly Name[],
): Record<Name, string> {
  const missing = names.filter((name) => outputs.values[name] === undefined);
  if (missing.length > 0) {
    const present = outputs.keys.join(', ') || 'none';
    const keys = missing.map((name) => STACK_OUTPUT_KEYS[name]).join(', ');
    throw new OpsError(`stack ${outputs.stackName} lacks output(s) ${keys} (it has: ${present})`);
  }
  return Object.fromEntries(names.map((name) => [name, outputs.values[name]])) as Record<Name, string>;
}
