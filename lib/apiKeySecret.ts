import { ArnFormat, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/** Secrets Manager appends `-` and six characters to a secret's name to make its complete ARN. */
const COMPLETE_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** True for a complete secret ARN; a partial ARN (no random suffix) or a plain name is false. */
export function isCompleteSecretArn(nameOrArn: string): boolean {
  return nameOrArn.startsWith('arn:') && COMPLETE_ARN_SUFFIX.test(nameOrArn);
}

/** The id the function passes to `GetSecretValue`: the complete ARN when known, else the partial one. */
export function secretIdOf(secret: ISecret): string {
  return secret.secretFullArn ?? secret.secretArn;
}

/**
 * Creates the secret whose empty `apiKey` the operator fills in. It is retained: deleting the stack must not
 * lose the key.
 */
export function createApiKeySecret(scope: Construct, id: string): Secret {
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
    reason: 'The User API key is issued in the Blueshift dashboard; no rotation function can mint a new one.',
  });
  return secret;
}

/**
 * Imports an existing secret by name, partial ARN or complete ARN (a name becomes a partial ARN in the
 * stack's account and region). With `kmsKeyArn`, `grantRead` also grants `kms:Decrypt` on that key, limited
 * with `kms:ViaService` to Secrets Manager (AWS KMS Developer Guide, "How AWS Secrets Manager uses AWS KMS":
 * https://docs.aws.amazon.com/kms/latest/developerguide/services-secrets-manager.html).
 */
export function importApiKeySecret(
  scope: Construct,
  id: string,
  nameOrArn: string,
  kmsKeyArn?: string,
): ISecret {
  const encryptionKey = kmsKeyArn ? Key.fromKeyArn(scope, `${id}Key`, kmsKeyArn) : undefined;
  const arn = nameOrArn.startsWith('arn:')
    ? nameOrArn
    : Stack.of(scope).formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: nameOrArn,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
  return Secret.fromSecretAttributes(scope, id, {
    ...(isCompleteSecretArn(arn) ? { secretCompleteArn: arn } : { secretPartialArn: arn }),
    ...(encryptionKey ? { encryptionKey } : {}),
  });
}
