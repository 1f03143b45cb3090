import { pathToFileURL } from 'node:url';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ENV } from '../lib/config/environment';
import type { ImportMapping } from '../lib/config/schema';
import { lambdaContext } from '../test/lambda/factories';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../test/support/blueshiftStandIn';
import { lambdaEnvironment } from './lambdaEnvironment';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from './secretsManagerStandIn';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** The shipped handler, loaded in this process against loopback stand-ins for Blueshift and Secrets Manager. */
export interface HandlerRig {
  readonly blueshift: BlueshiftStandIn;
  readonly secrets: SecretsManagerStandIn;
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

/**
 * Starts the stand-ins, sets this process's environment as Lambda would (the stand-in's URL as the API base,
 * the given imports) and imports the bundle: its module scope reads the environment, like a cold start.
 */
export async function startHandlerRig(options: HandlerRigOptions): Promise<HandlerRig> {
  const blueshift = await startBlueshiftStandIn();
  const secrets = await startSecretsManagerStandIn(blueshift.apiKey);
  const functionVariables = {
    ...options.functionVariables,
    [ENV.apiBaseUrl]: blueshift.url,
    [ENV.imports]: JSON.stringify(options.imports),
  };
  Object.assign(process.env, lambdaEnvironment(functionVariables, { secretsManager: secrets.url }));
  const { handler } = (await import(pathToFileURL(options.bundlePath).href)) as { handler: SqsHandler };
  return {
    blueshift,
    secrets,
    invoke: (event) => handler(event, lambdaContext(60_000) as Context),
    close: async () => {
      await Promise.all([blueshift.close(), secrets.close()]);
    },
  };
}
