import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BlueshiftImportTrigger } from '../../lib/BlueshiftImportTrigger';
import { CONFIG_DEFAULTS } from '../../lib/config/schema';
import { ConfigError } from '../../lib/config/validateConfig';
import { DAILY_UUID } from './synthesizeStack';

/** A stack in someone else's app: no context, no configuration of ours. */
const hostStackFactory = () => new Stack(new App(), 'HostStack');

describe('Construct: BlueshiftImportTrigger in another app', () => {
  it('applies the defaults to the props it is given', () => {
    // Act
    const trigger = new BlueshiftImportTrigger(hostStackFactory(), 'Imports', {
      imports: [{ prefix: 'in/', uuid: DAILY_UUID.toUpperCase() }],
      maxConcurrency: 3,
    });

    // Assess
    expect(trigger.config).toMatchObject({
      ...CONFIG_DEFAULTS,
      maxConcurrency: 3,
      imports: [{ prefix: 'in/', uuid: DAILY_UUID }],
    });
  });

  it('rejects invalid props with every problem listed', () => {
    // Act
    const build = () =>
      new BlueshiftImportTrigger(hostStackFactory(), 'Imports', {
        imports: [{ prefix: '', uuid: DAILY_UUID }],
        memorySizeMb: 1,
      });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/imports\[0\]\.prefix[\s\S]*memorySizeMb/);
  });

  it('gives two triggers in one stack ingest queues of different names', () => {
    // Prepare
    const stack = hostStackFactory();
    const props = { imports: [{ prefix: 'in/', uuid: DAILY_UUID }] };

    // Act
    new BlueshiftImportTrigger(stack, 'First', props);
    new BlueshiftImportTrigger(stack, 'Second', props);

    // Assess
    const queueNames = Object.values(Template.fromStack(stack).findResources('AWS::SQS::Queue'))
      .map((queue) => queue.Properties.QueueName)
      .filter(Boolean);
    expect(queueNames).toHaveLength(2);
    expect(new Set(queueNames).size).toBe(2);
    for (const name of queueNames) expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });
});
