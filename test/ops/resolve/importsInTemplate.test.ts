import { CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORTS_METADATA_KEY } from '../../../contract/stackOutputs';
import { deployedImports, importsInTemplate } from '../../../scripts/ops/resolve/deployedImports';

const IMPORTS = [{ prefix: 'customers/', uuid: 'uuid-a', suffix: '.csv' }];
const functionWith = (metadata: unknown) => ({
  Type: 'AWS::Lambda::Function',
  Metadata: { 'aws:cdk:path': 'Stack/Trigger/Function/Resource', [IMPORTS_METADATA_KEY]: metadata },
});
const template = (resources: Record<string, unknown>) => JSON.stringify({ Resources: resources });

describe('Function: importsInTemplate()', () => {
  it('reads the mappings from the resource carrying the metadata, whatever its logical ID', () => {
    // Act
    const imports = importsInTemplate(
      template({ Queue: { Type: 'AWS::SQS::Queue' }, TriggerFnA1B2: functionWith({ imports: IMPORTS }) }),
      'Stack',
    );

    // Assess
    expect(imports).toEqual(IMPORTS);
  });

  it.each([
    ['not JSON', 'Resources:\n  Queue: {}', 'the template of stack Stack is not JSON'],
    ['without the metadata', template({ Queue: { Type: 'AWS::SQS::Queue' } }), 'carries no import mappings'],
    [
      'with two carriers',
      template({ A: functionWith({ imports: IMPORTS }), B: functionWith({ imports: IMPORTS }) }),
      'stack Stack has 2 trigger functions (A, B); ops reads one',
    ],
    [
      'with unreadable mappings',
      template({ Fn: functionWith({ imports: [{ prefix: 1 }] }) }),
      'metadata of Fn',
    ],
  ])('refuses a template %s', (_, body, message) => {
    expect(() => importsInTemplate(body, 'Stack')).toThrow(message);
  });
});

describe('Function: deployedImports()', () => {
  const cloudFormationMock = mockClient(CloudFormationClient);
  beforeEach(() => cloudFormationMock.reset());

  it('reads the stack’s template with GetTemplate', async () => {
    // Prepare
    cloudFormationMock
      .on(GetTemplateCommand)
      .resolves({ TemplateBody: template({ Fn: functionWith({ imports: IMPORTS }) }) });

    // Act
    const imports = await deployedImports(new CloudFormationClient({}), 'Stack');

    // Assess
    expect(imports).toEqual(IMPORTS);
    expect(cloudFormationMock).toReceiveCommandWith(GetTemplateCommand, { StackName: 'Stack' });
  });
});
