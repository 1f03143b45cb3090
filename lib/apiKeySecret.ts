import { ArnFormat, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
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
 * Lets `grantee` read the secret and, when the secret has a customer-managed key, decrypt with that key only
 * through Secrets Manager (`kms:ViaService`; Secrets Manager User Guide, "Secret encryption and decryption":
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html). `grantRead` alone
 * leaves the decrypt out for an imported key when the stack's account is not known at synth (it then writes
 * to the key's own policy, which an imported key cannot take), so the grant goes in the function's identity
 * policy.
 */
export function grantSecretRead(secret: ISecret, grantee: IGrantable): void {
  secret.grantRead(grantee);
  const key = secret.encryptionKey;
  if (!key) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.amazonaws.com` },
      },
    }),
  );
}

/**
 * Imports an existing secret by name, partial ARN or complete ARN (a name becomes a partial ARN in the
 * stack's account and region), with its customer-managed key when `kmsKeyArn` is given.
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
  // Only an ARN the user wrote can be complete: a name such as `blueshift-secret` ends like a random suffix
  // but is not one, and granting its exact ARN would deny the real `…-AbCdEf` secret.
  return Secret.fromSecretAttributes(scope, id, {
    ...(isCompleteSecretArn(nameOrArn) ? { secretCompleteArn: arn } : { secretPartialArn: arn }),
    ...(encryptionKey ? { encryptionKey } : {}),
  });
}
