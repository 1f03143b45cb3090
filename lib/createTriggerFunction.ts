import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  AssetHashType,
  DockerImage,
  Duration,
  type ILocalBundling,
  RemovalPolicy,
  Validations,
} from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  type CfnFunction,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ImportMapping, serializeImports } from '../contract/importMapping';
import { IMPORTS_METADATA_KEY } from '../contract/stackOutputs';
import { bundleHandler, PACKAGE_ROOT } from './lambdaBundling';

/** Settings of the function that turns queued S3 notifications into Blueshift import triggers. */
export interface TriggerFunctionProps {
  /** Memory, in MB. */
  readonly memorySizeMb: number;
  /** Timeout, in seconds. */
  readonly timeoutSeconds: number;
  /** Days the function's logs are kept; one of CloudWatch's allowed retention values. */
  readonly logRetentionDays: number;
  /** The log group's name; see `logGroupNameOf`. */
  readonly logGroupName: string;
  /** The handler's environment: where to find the API and the key, never the key itself. */
  readonly environment: Record<string, string>;
  /** The import mappings, shipped in the code asset beside the handler. */
  readonly imports: readonly ImportMapping[];
}

/**
 * Creates the Lambda function (Node.js 24, arm64) whose code asset is the esbuild bundle of `lambda/index.ts`
 * plus the import mapping, logging JSON to its own named log group, with a role that may write only to that
 * log group until granted more. Its resource carries the mappings as metadata (`IMPORTS_METADATA_KEY`), so
 * `npm run ops -- resolve` reads the deployed ones with GetTemplate.
 */
export function createTriggerFunction(scope: Construct, props: TriggerFunctionProps): LambdaFunction {
  const logGroup = new LogGroup(scope, 'FunctionLogs', {
    logGroupName: props.logGroupName,
    retention: props.logRetentionDays as RetentionDays,
    // A fixed name outlives a retained group: deleting the stack and deploying it again would fail on the
    // name still taken. The logs go with the function they describe.
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // An own role rather than AWSLambdaBasicExecutionRole, which may write to every log group in the account.
  const role = new Role(scope, 'FunctionRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  const fn = new LambdaFunction(scope, 'Function', {
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
  (fn.node.defaultChild as CfnFunction).addMetadata(IMPORTS_METADATA_KEY, { imports: props.imports });
  Validations.of(fn).acknowledge(
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        'Only its SQS event source invokes the function, synchronously; a function dead-letter target applies ' +
        "to asynchronous invocations only. Failed records reach the ingest queue's own dead-letter queue.",
    },
    {
      id: 'Serverless-LambdaTracing',
      reason:
        'Each invocation makes one kind of outbound call, whose latency and outcome are metrics and JSON log ' +
        'lines; X-Ray would add cost and an xray:Put* grant on every resource for no further insight.',
    },
  );
  return fn;
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
