/**
 * What the deployed stack tells its operators: the output keys the stack emits and `npm run ops` reads, and the
 * metadata key under which the trigger function's resource carries its import mappings (so `ops resolve`
 * answers under the deployed config). None of them holds key material.
 */
export const STACK_OUTPUT_KEYS = {
  ingestQueueUrl: 'IngestQueueUrl',
  ingestQueueArn: 'IngestQueueArn',
  deadLetterQueueUrl: 'DeadLetterQueueUrl',
  deadLetterQueueArn: 'DeadLetterQueueArn',
  /** Absent when the ledger is off. */
  ledgerTableName: 'TriggerLedgerTableName',
  functionName: 'FunctionName',
  logGroupName: 'TriggerLogGroupName',
  dashboardUrl: 'DashboardUrl',
  alarmTopicArn: 'AlarmTopicArn',
  /** The secret's ARN (never its value). */
  apiKeySecretArn: 'ApiKeySecretArn',
  apiBaseUrl: 'BlueshiftApiBaseUrl',
} as const;

/** CloudFormation metadata key on the trigger function's resource: `{ imports: ImportMapping[] }`. */
export const IMPORTS_METADATA_KEY = 'BlueshiftImportTrigger:Imports';
