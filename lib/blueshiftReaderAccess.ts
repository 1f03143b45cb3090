import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { ArnPrincipal, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * The bucket-policy statements that let Blueshift's principal read the mapped prefixes: `s3:GetObject` on the
 * objects under them and `s3:ListBucket` limited to them with the `s3:prefix` condition. Written out rather
 * than `grantRead`, which grants `s3:GetObject*`, `s3:GetBucket*` and `s3:List*`.
 */
export function readerStatements(bucketArn: string, principalArn: string, prefixes: readonly string[]) {
  const principals = [new ArnPrincipal(principalArn)];
  return [
    new PolicyStatement({
      sid: 'BlueshiftReadsImportFiles',
      principals,
      actions: ['s3:GetObject'],
      resources: prefixes.map((prefix) => `${bucketArn}/${prefix}*`),
    }),
    new PolicyStatement({
      sid: 'BlueshiftListsImportPrefixes',
      principals,
      actions: ['s3:ListBucket'],
      resources: [bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
    }),
  ];
}

/**
 * Grants Blueshift's principal read access to the prefixes through the bucket policy. A bucket this app does
 * not own (imported by name) gets no policy from us; a synth-time info message then gives the exact statements
 * for the bucket's owner to add.
 */
export function grantBlueshiftReader(
  scope: Construct,
  bucket: IBucket,
  principalArn: string,
  prefixes: readonly string[],
): void {
  const statements = readerStatements(bucket.bucketArn, principalArn, prefixes);
  const added = statements.map((statement) => bucket.addToResourcePolicy(statement).statementAdded);
  if (added.every(Boolean)) return;
  const stack = Stack.of(scope);
  const partition = Token.isUnresolved(stack.partition) ? 'aws' : stack.partition;
  const bucketName = Token.isUnresolved(bucket.bucketName) ? '<bucket-name>' : bucket.bucketName;
  const printable = readerStatements(`arn:${partition}:s3:::${bucketName}`, principalArn, prefixes);
  Annotations.of(scope).addInfo(
    `The bucket ${bucketName} is not managed by this stack, so Blueshift's read access is not granted. ` +
      `Add these statements to its bucket policy:\n${JSON.stringify(
        printable.map((statement) => statement.toStatementJson()),
        null,
        2,
      )}`,
  );
}
