import {
  type AttributeDefinition,
  type BillingMode,
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import type { FoundResource } from './findStackResources';
import type { PhysicalResource } from './resolveIntrinsics';

/** CloudFormation's longest generated table name is 255; DynamoDB's limit too. */
const MAX_TABLE_NAME_LENGTH = 255;

/**
 * Creates each AWS::DynamoDB::Table of the template as CloudFormation would: its name (or one made from the
 * stack and logical ID), key schema, attribute definitions, billing mode and encryption. Returns what `Ref`
 * (the table name) and `Fn::GetAtt … Arn` give, by logical ID.
 *
 * The properties map onto CreateTable one to one, except encryption: CloudFormation's `SSESpecification`
 * says `SSEEnabled`, the API's says `Enabled`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html).
 * Not emulated: point-in-time recovery, TTL, streams, tags and deletion protection, which change nothing a
 * local run can observe.
 */
export async function provisionTables(
  dynamodb: DynamoDBClient,
  tables: readonly FoundResource[],
  settings: { readonly stackName: string; readonly resolve: (node: unknown) => unknown },
): Promise<Record<string, PhysicalResource>> {
  const created: Record<string, PhysicalResource> = {};
  for (const table of tables) {
    const input = createTableInput(table, settings);
    const { TableDescription } = await dynamodb.send(new CreateTableCommand(input));
    created[table.logicalId] = {
      ref: input.TableName as string,
      attributes: { Arn: TableDescription?.TableArn ?? '' },
    };
  }
  return created;
}

/** The CreateTable request for one template table. */
export function createTableInput(
  table: FoundResource,
  settings: { readonly stackName: string; readonly resolve: (node: unknown) => unknown },
): CreateTableCommandInput {
  const properties = settings.resolve(table.properties) as Record<string, unknown>;
  const name = String(properties.TableName ?? `${settings.stackName}-${table.logicalId}`);
  const billingMode = (properties.BillingMode ?? 'PROVISIONED') as BillingMode;
  const sse = properties.SSESpecification as
    | { SSEEnabled?: boolean; SSEType?: string; KMSMasterKeyId?: string }
    | undefined;
  return {
    TableName: name.slice(0, MAX_TABLE_NAME_LENGTH),
    KeySchema: properties.KeySchema as KeySchemaElement[],
    AttributeDefinitions: properties.AttributeDefinitions as AttributeDefinition[],
    BillingMode: billingMode,
    ...(billingMode === 'PROVISIONED'
      ? {
          ProvisionedThroughput:
            properties.ProvisionedThroughput as CreateTableCommandInput['ProvisionedThroughput'],
        }
      : {}),
    // Index definitions have the same shape in the template and in CreateTable.
    ...(properties.GlobalSecondaryIndexes === undefined
      ? {}
      : {
          GlobalSecondaryIndexes:
            properties.GlobalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'],
        }),
    ...(properties.LocalSecondaryIndexes === undefined
      ? {}
      : {
          LocalSecondaryIndexes:
            properties.LocalSecondaryIndexes as CreateTableCommandInput['LocalSecondaryIndexes'],
        }),
    ...(sse === undefined
      ? {}
      : {
          SSESpecification: {
            Enabled: Boolean(sse.SSEEnabled),
            ...(sse.SSEType === undefined ? {} : { SSEType: sse.SSEType as 'KMS' }),
            ...(sse.KMSMasterKeyId === undefined ? {} : { KMSMasterKeyId: sse.KMSMasterKeyId }),
          },
        }),
  };
}
