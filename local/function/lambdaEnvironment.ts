/** Credentials moto accepts; never real ones. */
const MOTO_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' } as const;
const REGION = 'us-east-1';

/** Variables that send an AWS SDK v3 client (or a child process using one) to moto. */
export function motoEnvironment(endpoint: string): Record<string, string> {
  return { AWS_ENDPOINT_URL: endpoint, AWS_REGION: REGION, AWS_DEFAULT_REGION: REGION, ...MOTO_CREDENTIALS };
}

/**
 * The environment Lambda gives the function: the template's variables, then what the service adds (region,
 * credentials, function name and memory, the code's directory as LAMBDA_TASK_ROOT), here pointed at moto.
 * Powertools logs only at E2E_LOG_LEVEL (silent by default), so thousands of invocations do not bury the
 * test output.
 */
export function lambdaEnvironment(
  variables: Readonly<Record<string, string>>,
  endpoint: string,
  fn: {
    readonly functionName: string;
    readonly memorySizeMb: number;
    readonly handler: string;
    /** The Lambda runtime, `nodejs24.x`. */
    readonly runtime: string;
    /** The unpacked code asset (`/var/task` on Lambda). */
    readonly taskRoot: string;
  },
): Record<string, string> {
  return {
    ...variables,
    ...motoEnvironment(endpoint),
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: fn.taskRoot,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    POWERTOOLS_LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'SILENT',
  };
}
