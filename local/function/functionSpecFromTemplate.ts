import { awsClientConfig } from '../moto/motoServer';
import type { FoundResource } from '../provision/findStackResources';
import type { FunctionSpec } from './executionEnvironment';
import { findFunctionBundle } from './findFunctionBundle';
import { lambdaEnvironment } from './lambdaEnvironment';

/** The function as Lambda would run it: the template's bundle, memory and timeout, its environment resolved. */
export function functionSpecFromTemplate(
  fn: FoundResource,
  assetFolders: ReadonlyMap<string, string>,
  deployment: {
    readonly functionName: string;
    /** The template's environment variables with every reference resolved. */
    readonly variables: Readonly<Record<string, string>>;
    /** moto's endpoint. */
    readonly endpoint: string;
  },
): FunctionSpec {
  const { properties } = fn;
  const bundle = findFunctionBundle(fn, assetFolders);
  const described = {
    functionName: deployment.functionName,
    memorySizeMb: Number(properties.MemorySize ?? 128),
    handler: String(properties.Handler ?? ''),
    runtime: String(properties.Runtime ?? ''),
    taskRoot: bundle.codeDirectory,
  };
  return {
    ...described,
    bundle,
    environment: lambdaEnvironment(deployment.variables, deployment.endpoint, described),
    // CloudFormation's default timeout, should the template leave it out.
    timeoutSeconds: Number(properties.Timeout ?? 3),
    region: awsClientConfig(deployment.endpoint).region,
  };
}
