/** Where the bundled handler's AWS and Blueshift calls go during the bench. */
export interface BenchEndpoints {
  /** Secrets Manager stand-in, e.g. `http://127.0.0.1:PORT`. */
  readonly secretsManager?: string;
  /** DynamoDB stand-in for the trigger ledger. */
  readonly dynamodb?: string;
  /** SQS endpoint for visibility changes (moto, or a closed port to force the failure path). */
  readonly sqs?: string;
  /** The function's code directory (`LAMBDA_TASK_ROOT`), where the handler finds `imports.json`. */
  readonly taskRoot?: string;
}

/** Variables the Lambda service sets for a Node.js 24 function with JSON logging at INFO. */
const LAMBDA_RUNTIME_VARIABLES: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'BenchImportTrigger-Function',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
  AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
  AWS_LAMBDA_LOG_FORMAT: 'JSON',
  AWS_LAMBDA_LOG_LEVEL: 'INFO',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  _HANDLER: 'index.handler',
  // Lambda hands the role's session credentials over as variables; these only have to be well-formed.
  AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key',
  AWS_SESSION_TOKEN: 'bench-session-token',
};

/**
 * The environment of a bench child running the bundled handler: the parent's (PATH and the like), what Lambda
 * sets, the template's function variables, then the bench's endpoints.
 */
export function lambdaEnvironment(
  functionVariables: Readonly<Record<string, string>>,
  endpoints: BenchEndpoints = {},
): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    ...LAMBDA_RUNTIME_VARIABLES,
    ...functionVariables,
    ...(endpoints.secretsManager ? { AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager } : {}),
    ...(endpoints.sqs ? { AWS_ENDPOINT_URL_SQS: endpoints.sqs } : {}),
    ...(endpoints.dynamodb ? { AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb } : {}),
    ...(endpoints.taskRoot ? { LAMBDA_TASK_ROOT: endpoints.taskRoot } : {}),
    // The SDK warns once per process on Node 20 (Lambda runs 24); the warning would be timed in every variant.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
