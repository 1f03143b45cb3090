import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lib/config/validateConfig';
import {
  fitMatchers,
  keyMatcher,
  MAX_EVENT_PATTERN_CHARACTERS,
  objectCreatedPattern,
  patternCharacters,
} from '../../lib/eventBridgeRules';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourcesOfType,
  type SynthesizedStack,
  synthesizeStack,
  VIP_UUID,
} from './synthesizeStack';

/** `count` distinct import mappings, each with a suffix. */
const manyImports = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    prefix: `imports/customer-${String(index).padStart(4, '0')}/`,
    uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    suffix: '.csv',
  }));

/** Every rule's event pattern, as in the template. */
const eventPatterns = ({ template }: SynthesizedStack) =>
  Object.values(resourcesOfType(template, 'AWS::Events::Rule')).map(
    (rule) => (rule.Properties as { EventPattern: Record<string, unknown> }).EventPattern,
  );

describe('Function: keyMatcher()', () => {
  it('matches a prefix alone with a prefix matcher, on the raw key', () => {
    // Act & Assess
    expect(keyMatcher({ prefix: 'Customer Files/dt=1/' })).toEqual({ prefix: 'Customer Files/dt=1/' });
  });

  it('matches a prefix and suffix with a wildcard, escaping literal stars and backslashes', () => {
    // Act & Assess
    expect(keyMatcher({ prefix: 'a*b\\c/', suffix: '.csv' })).toEqual({ wildcard: 'a\\*b\\\\c/*.csv' });
  });
});

describe('Function: fitMatchers()', () => {
  it('splits matchers so each pattern fits 2,048 characters, even with the longest bucket name', () => {
    // Prepare
    const matchers = manyImports(300).map(keyMatcher);

    // Act
    const groups = fitMatchers('b'.repeat(63), matchers);

    // Assess
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.flat()).toEqual(matchers);
    for (const group of groups) {
      expect(patternCharacters(objectCreatedPattern('b'.repeat(63), group))).toBeLessThanOrEqual(
        MAX_EVENT_PATTERN_CHARACTERS,
      );
    }
  });
});

describe('Construct: BlueshiftImportTrigger in EventBridge mode', () => {
  let synthesized: SynthesizedStack;
  beforeAll(() => {
    synthesized = synthesizeStack(
      rawConfigFactory({
        notifications: 'eventbridge',
        bucketName: 'other-team-drops',
        imports: [
          { prefix: 'Customer Files/', uuid: DAILY_UUID, suffix: '.csv' },
          { prefix: 'events/+plus/', uuid: VIP_UUID },
        ],
      }),
    );
  });

  it("turns on the bucket's EventBridge delivery and adds no S3 queue configuration", () => {
    // Assess
    synthesized.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: 'other-team-drops',
      Managed: false,
      NotificationConfiguration: { EventBridgeConfiguration: {}, QueueConfigurations: Match.absent() },
    });
  });

  it('routes Object Created events of the bucket whose raw key matches a filter to the ingest queue', () => {
    // Prepare
    const { stack, template } = synthesized;

    // Assess
    // Prefix and wildcard matchers sit in rules of their own (only wildcard rules count against that quota).
    for (const key of [{ wildcard: 'Customer Files/*.csv' }, { prefix: 'events/+plus/' }]) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: { bucket: { name: ['other-team-drops'] }, object: { key: [key] } },
        },
        Targets: [Match.objectLike({ Arn: stack.resolve(stack.trigger.ingestQueue.queueArn) })],
      });
    }
  });

  it('lets EventBridge send to the ingest queue only for its rules', () => {
    // Prepare
    const { stack, template } = synthesized;
    const ruleArns = Object.keys(resourcesOfType(template, 'AWS::Events::Rule')).map((id) => ({
      'Fn::GetAtt': [id, 'Arn'],
    }));

    // Assess
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [stack.resolve(stack.trigger.ingestQueue.queueUrl)],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: stack.resolve(stack.trigger.ingestQueue.queueArn),
            Condition: { ArnEquals: { 'aws:SourceArn': ruleArns } },
          },
        ]),
      }),
    });
  });

  it('splits 1,000 imports over rules whose patterns each fit 2,048 characters, one policy statement per queue for all', () => {
    // Act
    const large = synthesizeStack(
      rawConfigFactory({ notifications: 'eventbridge', imports: manyImports(1000) }),
    );

    // Assess
    const patterns = eventPatterns(large);
    expect(patterns.length).toBeGreaterThan(1);
    const keys = patterns.flatMap((pattern) => (pattern.detail as { object: { key: unknown[] } }).object.key);
    expect(keys).toHaveLength(1000);
    for (const pattern of patterns) {
      // The bucket name is a deploy-time reference here; count it at S3's longest name.
      const withName = JSON.parse(
        JSON.stringify(pattern).replace(/\{"Ref":"[^"]+"\}/, `"${'b'.repeat(63)}"`),
      );
      expect(JSON.stringify(withName).length).toBeLessThanOrEqual(MAX_EVENT_PATTERN_CHARACTERS);
    }
    const eventsStatements = Object.values(resourcesOfType(large.template, 'AWS::SQS::QueuePolicy'))
      .flatMap(
        (policy) =>
          (policy.Properties as { PolicyDocument: { Statement: { Principal?: unknown }[] } }).PolicyDocument
            .Statement,
      )
      .filter((statement) => JSON.stringify(statement.Principal) === '{"Service":"events.amazonaws.com"}');
    // One for the ingest queue and one for the dead-letter queue, each naming every rule.
    expect(eventsStatements).toHaveLength(2);
    large.template.resourcePropertiesCountIs(
      'Custom::S3BucketNotifications',
      { NotificationConfiguration: { QueueConfigurations: Match.anyValue() } },
      0,
    );
  });

  it('matches prefixes alone, leaving suffixes to the function, when wildcard rules would pass their share of the bus', () => {
    // Act: 1,000 prefix-and-suffix mappings would need more wildcard rules than MAX_WILDCARD_RULES.
    const large = synthesizeStack(
      rawConfigFactory({ notifications: 'eventbridge', imports: manyImports(1000) }),
    );

    // Assess
    const keys = eventPatterns(large).flatMap(
      (pattern) => (pattern.detail as { object: { key: Record<string, unknown>[] } }).object.key,
    );
    expect(keys.filter((key) => 'wildcard' in key)).toEqual([]);
    expect(new Set(keys.map((key) => key.prefix)).size).toBe(1000);
  });

  it('sends an event EventBridge cannot deliver to the dead-letter queue, which lets only its rules send', () => {
    // Prepare
    const { stack, template } = synthesized;
    const deadLetterArn = stack.resolve(stack.trigger.deadLetterQueue.queueArn);

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: deadLetterArn } })],
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [stack.resolve(stack.trigger.deadLetterQueue.queueUrl)],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: deadLetterArn,
          }),
        ]),
      }),
    });
  });

  it('rejects more rules than the ingest queue policy can name', () => {
    // Act
    const build = () =>
      synthesizeStack(rawConfigFactory({ notifications: 'eventbridge', imports: manyImports(4000) }));

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/EventBridge rules, more than the 70/);
  });
});
