import { describe, expect, it } from 'vitest';
import { rawConfigFactory, resourceOf, resourcesOfType, synthesizeStack } from './synthesizeStack';

/** How a template could carry a secret's value: a literal, or a dynamic reference CloudFormation resolves. */
const SECRET_VALUE_MARKERS = ['"SecretString"', '{{resolve:secretsmanager', '{{resolve:ssm-secure'];

describe('Stack: TriggerImportStack keeps the API key out of the template', () => {
  it.each([
    ['creates the secret', {}],
    ['imports the secret by name', { apiKeySecretName: 'blueshift/user-api-key' }],
    [
      'imports the secret on a customer-managed key',
      {
        apiKeySecretName:
          'arn:aws:secretsmanager:us-east-1:123456789012:secret:blueshift/user-api-key-AbCdEf',
        apiKeySecretKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    ],
  ])(
    'never puts the value, or a reference that resolves to it, in the template when it %s',
    (_case, overrides) => {
      // Prepare
      const synthesized = synthesizeStack(rawConfigFactory(overrides));

      // Act
      const template = JSON.stringify(synthesized.template.toJSON());
      const environment = JSON.stringify(
        resourceOf(synthesized, synthesized.stack.trigger.function).Properties.Environment,
      );
      const outputs = JSON.stringify(synthesized.template.toJSON().Outputs);

      // Assess
      for (const marker of SECRET_VALUE_MARKERS) {
        expect(template).not.toContain(marker);
        expect(environment).not.toContain(marker);
        expect(outputs).not.toContain(marker);
      }
      const names = Object.keys(JSON.parse(environment).Variables as object);
      expect(names.filter((name) => /API_?KEY/i.test(name))).toEqual([]);
    },
  );

  it('creates the secret with only an empty placeholder for the operator to replace', () => {
    // Act
    const secrets = Object.values(
      resourcesOfType(synthesizeStack(rawConfigFactory()).template, 'AWS::SecretsManager::Secret'),
    );

    // Assess
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.Properties).toMatchObject({
      GenerateSecretString: { SecretStringTemplate: JSON.stringify({ apiKey: '' }) },
    });
    expect(secrets[0]?.Properties).not.toHaveProperty('SecretString');
  });

  it('tells the function where the key is (the secret ARN), which the secret outputs name too', () => {
    // Prepare
    const synthesized = synthesizeStack(rawConfigFactory());
    const { stack } = synthesized;
    const secretArn = stack.resolve(stack.trigger.apiKeySecret.secretArn);

    // Act
    const environment = resourceOf(synthesized, stack.trigger.function).Properties.Environment.Variables;
    const outputs = synthesized.template.toJSON().Outputs;

    // Assess
    expect(environment.BLUESHIFT_SECRET_ID).toEqual(secretArn);
    expect(outputs.ApiKeySecretArn.Value).toEqual(secretArn);
    // A Ref to the secret is its ARN; no Fn::GetAtt of the secret (nor anything else of it) appears anywhere.
    expect(JSON.stringify(synthesized.template.toJSON())).not.toContain(
      JSON.stringify({ 'Fn::GetAtt': [secretArn.Ref] }).slice(0, -3),
    );
  });
});
