import { describe, expect, it } from 'vitest';
import { IMPORTS_METADATA_KEY } from '../../contract/stackOutputs';
import { type OpsStackSpec, opsStackTemplate } from '../../local/sandbox/opsStack';
import { DAILY } from './factories';

const spec = (overrides: Partial<OpsStackSpec> = {}): OpsStackSpec => ({
  stackName: 'BlueshiftSandbox',
  imports: [DAILY],
  ingestQueue: {
    url: 'http://127.0.0.1:1/123456789012/ingest',
    arn: 'arn:aws:sqs:us-east-1:123456789012:ingest',
  },
  deadLetterQueue: {
    url: 'http://127.0.0.1:1/123456789012/dlq',
    arn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
  },
  ledgerTable: 'ledger',
  apiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:key',
  apiBaseUrl: 'http://127.0.0.1:2',
  ...overrides,
});

describe('Function: opsStackTemplate()', () => {
  it('holds the deployed stack’s outputs as values and the imports as metadata', () => {
    // Act
    const template = JSON.parse(opsStackTemplate(spec()));

    // Assess
    expect(template.Outputs).toEqual({
      IngestQueueUrl: { Value: 'http://127.0.0.1:1/123456789012/ingest' },
      IngestQueueArn: { Value: 'arn:aws:sqs:us-east-1:123456789012:ingest' },
      DeadLetterQueueUrl: { Value: 'http://127.0.0.1:1/123456789012/dlq' },
      DeadLetterQueueArn: { Value: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
      TriggerLedgerTableName: { Value: 'ledger' },
      ApiKeySecretArn: { Value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:key' },
      BlueshiftApiBaseUrl: { Value: 'http://127.0.0.1:2' },
    });
    const [resource] = Object.values(template.Resources) as { Metadata: Record<string, unknown> }[];
    expect(resource?.Metadata[IMPORTS_METADATA_KEY]).toEqual({ imports: [DAILY] });
  });

  it('leaves out the ledger output when the ledger is off', () => {
    // Act
    const { ledgerTable: _off, ...withoutLedger } = spec();
    const template = JSON.parse(opsStackTemplate(withoutLedger));

    // Assess
    expect(Object.keys(template.Outputs)).not.toContain('TriggerLedgerTableName');
  });
});
