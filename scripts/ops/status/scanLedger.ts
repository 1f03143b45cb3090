import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { fromLedgerItem, type LedgerEntry } from '../../../contract/triggerLedger';

/**
 * Every entry of the trigger ledger. The table holds one item per import (a handful), so an operator's Scan is
 * cheap; pages are followed all the same, consistently read so a trigger just made shows.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
export async function scanLedger(
  dynamoDb: Pick<DynamoDBClient, 'send'>,
  tableName: string,
): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDb.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey as never } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const entry = fromLedgerItem(item);
      if (entry) entries.push(entry);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return entries.sort((a, b) => a.importUuid.localeCompare(b.importUuid));
}
