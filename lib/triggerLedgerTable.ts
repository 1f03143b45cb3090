import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { LEDGER_KEY } from '../contract/triggerLedger';

/**
 * Exactly what lambda/triggerLedger.ts calls: one BatchGetItem per batch, GetItem to re-read an item after a
 * lost conditional write, and PutItem for its conditional writes (a whole merged item, so never UpdateItem).
 * No Scan, no Query, no update, no delete.
 */
export const LEDGER_FUNCTION_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
] as const;

/**
 * The trigger ledger: one item per import, keyed by its UUID (`LEDGER_KEY`), so the table stays as small as
 * the import list and on-demand billing costs cents.
 *
 * - Encrypted with the AWS managed key `aws/dynamodb`, so the template states it (`SSEEnabled`), key use shows
 *   in CloudTrail, and neither the function nor `npm run ops` needs a KMS grant (the key policy admits callers
 *   through DynamoDB). It holds no key material and no customer data: UUIDs, times, HTTP statuses and
 *   Blueshift's short messages, so a customer managed key would add cost and a key policy for nothing.
 *   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 * - Point-in-time recovery on (cdk-nag AwsSolutions-DDB3); at this size it costs next to nothing.
 * - Destroyed with the stack: it is derived state. Losing it costs at most redundant import runs (files are
 *   then not known to be covered and are triggered again), never a file, and a retained table would only be
 *   left behind, unnamed, when the stack is deleted.
 */
export function createTriggerLedgerTable(scope: Construct, id: string): Table {
  return new Table(scope, id, {
    partitionKey: { name: LEDGER_KEY, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
}

/** Lets the trigger function read and write the ledger as lambda/triggerLedger.ts does, and nothing more. */
export function grantLedgerAccess(table: Table, grantee: IGrantable): void {
  table.grant(grantee, ...LEDGER_FUNCTION_ACTIONS);
}
