/** The environment variables the CLI reads, as `process.env` has them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The region to use: `--region`, else AWS_REGION (what the SDK reads), else AWS_DEFAULT_REGION (what the AWS CLI
 * reads, so a shell set up for the CLI works here too). Undefined leaves it to the SDK's profile lookup
 * (`region` in ~/.aws/config); with none there either, the SDK's "Region is missing" is explained by
 * explainFailure.
 */
export function resolveRegion(flag: string | undefined, env: Environment): string | undefined {
  return [flag, env.AWS_REGION, env.AWS_DEFAULT_REGION].find((region) => region?.trim())?.trim();
}
