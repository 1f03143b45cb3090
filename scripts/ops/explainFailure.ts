/** What the CLI knows when a step fails, to name the flag that fixes it. */
export interface FailureContext {
  readonly stackName?: string;
  readonly region?: string;
}

/**
 * Error codes meaning AWS got credentials but refused them: expired session tokens, unknown or mistyped keys.
 * https://docs.aws.amazon.com/awsconsolehelpdocs/latest/gsg/common-errors.html (ExpiredTokenException,
 * UnrecognizedClientException, IncompleteSignature, ...); the query-protocol services (CloudFormation, SQS's
 * legacy codes) say ExpiredToken, InvalidClientTokenId and SignatureDoesNotMatch for the same.
 */
const REFUSED_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'AuthFailure',
]);

const CREDENTIALS_HINT =
  "set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; for SSO run 'aws sso login'";

/** One line saying what went wrong and what to do, for any error a redrive step throws; never a stack trace. */
export function explainFailure(error: unknown, context: FailureContext = {}): string {
  const name = error instanceof Error ? error.name : '';
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (/^region is missing/i.test(message)) {
    return 'no AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION';
  }
  // The SDK's credential chain found nothing usable (no keys, no profile, an SSO session that has ended).
  if (name === 'CredentialsProviderError')
    return `no usable AWS credentials (${message}): ${CREDENTIALS_HINT}`;
  if (REFUSED_CREDENTIALS.has(name)) {
    return `AWS refused the credentials (${name}: ${message}): refresh them or check AWS_PROFILE`;
  }
  // DescribeStacks answers an unknown stack with ValidationError "Stack with id NAME does not exist".
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html
  if (name === 'ValidationError' && /does not exist/i.test(message) && context.stackName) {
    const where = context.region ? `region ${context.region}` : 'the default region';
    return `stack ${context.stackName} was not found in ${where}: check --stack and --region`;
  }
  return message;
}

/** SDK messages sometimes span lines; the CLI's errors never do. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
