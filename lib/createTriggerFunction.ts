import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER, LAMBDA_NODE_TARGET, LAZY_PACKAGES } from './lambdaBundling';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

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
}

/**
 * Creates the Lambda function bundled from `lambda/index.ts` with the local esbuild (Node.js 24, arm64, ESM),
 * logging JSON to its own log group, with a role that may write only to that log group until granted more.
 */
export function createTriggerFunction(scope: Construct, props: TriggerFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, 'FunctionLogs', {
    retention: props.logRetentionDays as RetentionDays,
  });
  // An own role rather than AWSLambdaBasicExecutionRole, which may write to every log group in the account.
  const role = new Role(scope, 'FunctionRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return new NodejsFunction(scope, 'Function', {
    entry: path.join(REPO_ROOT, 'lambda', 'index.ts'),
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySizeMb,
    timeout: Duration.seconds(props.timeoutSeconds),
    role,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'blueshift-import-trigger' },
    bundling: {
      minify: true,
      format: OutputFormat.ESM,
      target: LAMBDA_NODE_TARGET,
      sourceMap: false,
      forceDockerBundling: false,
      mainFields: ['module', 'main'],
      banner: ESM_REQUIRE_BANNER,
      // The SDK is bundled, not taken from the runtime: the versions we test are the versions we ship, and a
      // tree-shaken bundle loads faster. Packages only failures need are bundled apart and loaded lazily.
      externalModules: [...LAZY_PACKAGES],
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir, outputDir) => [
          `npx tsx scripts/bundling/bundleLazyPackages.ts "${outputDir}"`,
        ],
      },
    },
  });
}
