import { Aws } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { assertSameRegion, configArnRegions } from '../../lib/config/sameRegion';
import { validateAppConfig } from '../../lib/config/validateConfig';
import { rawConfigFactory } from './factories';

/** The stack's call: the config's ARNs, named by their config fields. */
const configFactory = (overrides: Record<string, unknown>) =>
  configArnRegions(validateAppConfig(rawConfigFactory(overrides)));
const TOPIC_IN_IRELAND = 'arn:aws:sns:eu-west-1:123456789012:data-team-alerts';

describe('Function: assertSameRegion()', () => {
  it('rejects an alarm topic in another region than the stack', () => {
    // Prepare
    const config = configFactory({ alarmTopicArn: TOPIC_IN_IRELAND });

    // Act
    const check = () => assertSameRegion(config, 'us-east-1');

    // Assess
    expect(check).toThrow(
      'blueshiftImportTrigger.alarmTopicArn: is in eu-west-1, but the stack deploys to us-east-1; use one in us-east-1',
    );
  });

  it('lists a secret and its key in another region together', () => {
    // Prepare
    const config = configFactory({
      apiKeySecretName: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:blueshift-AbCdEf',
      apiKeySecretKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    });

    // Act
    const check = () => assertSameRegion(config, 'us-east-1');

    // Assess
    expect(check).toThrow(/\(2 problem\(s\)\)[\s\S]*apiKeySecretName[\s\S]*apiKeySecretKmsKeyArn/);
  });

  it('accepts ARNs of the stack region, a secret given by name, and a region known only at deploy', () => {
    // Prepare
    const config = configFactory({
      alarmTopicArn: TOPIC_IN_IRELAND,
      apiKeySecretName: 'blueshift/user-api-key',
    });

    // Act / Assess
    expect(() => assertSameRegion(config, 'eu-west-1')).not.toThrow();
    expect(() => assertSameRegion(config, Aws.REGION)).not.toThrow();
  });
});
