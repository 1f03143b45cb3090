import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ENV } from '../contract/handlerSettings';
import { IMPORTS_FILE, type ImportMapping, serializeImports } from '../contract/importMapping';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../local/blueshift/blueshiftStandIn';
import { lambdaContext } from '../test/lambda/factories';
import { type DynamoDbStandIn, startDynamoDbStandIn } from './dynamoDbStandIn';
import { lambdaEnvironment } from './lambdaEnvironment';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from './secretsManagerStandIn';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** The shipped handler, loaded in this process against loopback stand-ins for Blueshift and Secrets Manager. */
export interface HandlerRig {
  readonly blueshift: BlueshiftStandIn;
  readonly secrets: SecretsManagerStandIn;
  /** Answers the trigger ledger's reads and writes (when the template turns the ledger on). */
  readonly dynamodb: DynamoDbStandIn;
  /** Invokes the handler with a minute left, as a fresh invocation of the default timeout would have. */
  invoke(event: SQSEvent): Promise<SQSBatchResponse>;
  close(): Promise<void>;
}

export interface HandlerRigOptions {
  readonly bundlePath: string;
  /** The function's variables from the template. */
  readonly functionVariables: Readonly<Record<string, string>>;
  readonly imports: readonly ImportMapping[];
}

/** Writes the mappings as the bundler ships them beside the handler, in a fresh directory under `parent`. */
export function shipImports(imports: readonly ImportMapping[], parent = tmpdir()): string {
  const taskRoot = mkdtempSync(path.join(parent, 'task-root-'));
  writeFileSync(path.join(taskRoot, IMPORTS_FILE), serializeImports(imports));
  return taskRoot;
}

/**
 * Starts the stand-ins, sets this process's environment as Lambda would (the stand-in's URL as the API base,
 * the given imports in its code directory) and imports the bundle: its module scope reads the environment, like a cold start.
 */
export async function startHandlerRig(options: HandlerRigOptions): Promise<HandlerRig> {
  const blueshift = await startBlueshiftStandIn();
  const secrets = await startSecretsManagerStandIn(blueshift.apiKey);
  const dynamodb = await startDynamoDbStandIn();
  const functionVariables = { ...options.functionVariables, [ENV.apiBaseUrl]: blueshift.url };
  const taskRoot = shipImports(options.imports);
  Object.assign(
    process.env,
    lambdaEnvironment(functionVariables, { secretsManager: secrets.url, dynamodb: dynamodb.url, taskRoot }),
  );
  const { handler } = (await import(pathToFileURL(options.bundlePath).href)) as { handler: SqsHandler };
  return {
    blueshift,
    secrets,
    dynamodb,
    invoke: (event) => handler(event, lambdaContext(60_000) as Context),
    close: async () => {
      await Promise.all([blueshift.close(), secrets.close(), dynamodb.close()]);
    },
  };
}
