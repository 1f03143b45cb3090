import { createHash } from 'node:crypto';
import path from 'node:path';
import { AssetHashType, DockerImage, Duration, type ILocalBundling } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ImportMapping, serializeImports } from '../contract/importMapping';
import { bundleHandler, PACKAGE_ROOT } from './lambdaBundling';

/** Settings of the function that turns queued S3 notifications into Blueshift import triggers. */
export interface TriggerFunctionProps {
  /** Memory, in MB. */
  readonly memorySizeMb: number;
  /** Timeout, in seconds. */
  readonly timeoutSeconds: number;
  /** Days the function's logs are kept; one of CloudWatch's allowed retention values. */
  readonly logRetentionDays: number;
  /** The handler's environment: where to find the API and the key, never the key itself. */
  readonly environment: Record<string, string>;
  /** The import mappings, shipped in the code asset beside the handler. */
  readonly imports: readonly ImportMapping[];
}

/**
 * Creates the Lambda function (Node.js 24, arm64) whose code asset is the esbuild bundle of `lambda/index.ts`
 * plus the import mapping, logging JSON to its own log group, with a role that may write only to that log
 * group until granted more.
 */
export function createTriggerFunction(scope: Construct, props: TriggerFunctionProps): LambdaFunction {
  const logGroup = new LogGroup(scope, 'FunctionLogs', {
    retention: props.logRetentionDays as RetentionDays,
  });
  // An own role rather than AWSLambdaBasicExecutionRole, which may write to every log group in the account.
  const role = new Role(scope, 'FunctionRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return new LambdaFunction(scope, 'Function', {
    code: handlerCode(props.imports),
    handler: 'index.handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySizeMb,
    timeout: Duration.seconds(props.timeoutSeconds),
    role,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    environment: props.environment,
  });
}

/**
 * Bundles the handler in this process with the esbuild API (never in Docker). aws-cdk-lib caches staged
 * assets by their bundling options' JSON; the imports' hash is a field here so that two triggers with
 * different imports never share an asset.
 */
class LocalHandlerBundling implements ILocalBundling {
  public readonly importsSha256: string;

  constructor(private readonly imports: readonly ImportMapping[]) {
    this.importsSha256 = createHash('sha256').update(serializeImports(imports)).digest('hex');
  }

  tryBundle(outputDir: string): boolean {
    bundleHandler(outputDir, this.imports);
    return true;
  }
}

/**
 * The code asset. Its hash is that of the output, so a change to the handler, a dependency or the imports
 * deploys new code.
 */
function handlerCode(imports: readonly ImportMapping[]): Code {
  return Code.fromAsset(path.join(PACKAGE_ROOT, 'lambda'), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('unused-local-bundling-only'),
      local: new LocalHandlerBundling(imports),
    },
  });
}
