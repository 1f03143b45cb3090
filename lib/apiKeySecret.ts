import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** The secret holding the Blueshift User API key, and the id the function reads it by. */
export interface ApiKeySecret {
  /** The secret, for grants. */
  readonly secret: ISecret;
  /** Name or ARN the function passes to `GetSecretValue`. */
  readonly secretId: string;
}

/** Secrets Manager appends `-` and six characters to a secret's name to make its complete ARN. */
const COMPLETE_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** True for a complete secret ARN; a partial ARN (no random suffix) or a plain name is false. */
export function isCompleteSecretArn(nameOrArn: string): boolean {
  return nameOrArn.startsWith('arn:') && COMPLETE_ARN_SUFFIX.test(nameOrArn);
}

/**
 * Imports the configured secret (by name, partial ARN or complete ARN), or creates one whose empty `apiKey`
 * the operator fills in. A created secret is retained: deleting the stack must not lose the key.
 */
export function apiKeySecret(scope: Construct, id: string, nameOrArn: string | undefined): ApiKeySecret {
  if (nameOrArn === undefined) {
    const secret = new Secret(scope, id, {
      description:
        'Blueshift User API key for the import trigger. Replace the whole value with the key, ' +
        'as plain text or as JSON {"apiKey": "..."}.',
      // Until the operator fills it in, the function finds "apiKey" empty and logs what to do, instead of
      // calling Blueshift with a random string and collecting 401s.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ apiKey: '' }),
        generateStringKey: 'placeholder',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The User API key is issued in the Blueshift dashboard; no rotation function can mint a new one.',
    });
    return { secret, secretId: secret.secretArn };
  }
  if (!nameOrArn.startsWith('arn:')) {
    return { secret: Secret.fromSecretNameV2(scope, id, nameOrArn), secretId: nameOrArn };
  }
  const secret = isCompleteSecretArn(nameOrArn)
    ? Secret.fromSecretCompleteArn(scope, id, nameOrArn)
    : Secret.fromSecretPartialArn(scope, id, nameOrArn);
  return { secret, secretId: nameOrArn };
}
