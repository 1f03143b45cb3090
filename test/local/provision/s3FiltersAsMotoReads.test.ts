import type { NotificationConfiguration, QueueConfiguration } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { decodeFilterValue, s3FiltersAsMotoReads } from '../../../local/provision/s3FiltersAsMotoReads';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:ingest';

/** A queue configuration shaped as aws-cdk-lib writes it. */
const queueConfiguration = (
  filter: { prefix?: string; suffix?: string; Prefix?: string },
  events = ['s3:ObjectCreated:*'],
): QueueConfiguration => ({
  Events: events as QueueConfiguration['Events'],
  QueueArn: QUEUE_ARN,
  Filter: {
    Key: {
      FilterRules: Object.entries(filter).map(([Name, Value]) => ({
        Name: Name as 'prefix' | 'suffix',
        Value,
      })),
    },
  },
});

const filterValues = (configuration: NotificationConfiguration) =>
  configuration.QueueConfigurations?.map((queue) =>
    Object.fromEntries(queue.Filter?.Key?.FilterRules?.map((rule) => [rule.Name, rule.Value]) ?? []),
  );

describe('Function: decodeFilterValue()', () => {
  it.each([
    ['exports/dt%3D2026-12-01/', 'exports/dt=2026-12-01/'],
    ['Customer+Files/', 'Customer Files/'],
    ['events/%2Bplus/', 'events/+plus/'],
    ['donn%C3%A9es/', 'données/'],
    ['imports/', 'imports/'],
  ])('reads %s as the raw key text %s', (encoded, raw) => {
    // Act & Assess
    expect(decodeFilterValue(encoded)).toBe(raw);
  });

  it('reads a raw plus sign as a space, as S3 does', () => {
    // Act & Assess
    expect(decodeFilterValue('events/+plus/')).toBe('events/ plus/');
  });

  it('names a value that is not valid URL encoding', () => {
    // Act & Assess
    expect(() => decodeFilterValue('bad%E0%A4/')).toThrow('"bad%E0%A4/" is not valid URL encoding');
  });
});

describe('Function: s3FiltersAsMotoReads()', () => {
  it('decodes every prefix and suffix and spells the rule names as moto compares them', () => {
    // Prepare
    const configuration = {
      QueueConfigurations: [
        queueConfiguration({ prefix: 'exports/dt%3D2026-12-01/', suffix: '.c%2B%2B' }),
        queueConfiguration({ Prefix: 'Customer+Files/' }),
      ],
    };

    // Act
    const decoded = s3FiltersAsMotoReads(configuration);

    // Assess
    expect(filterValues(decoded)).toEqual([
      { prefix: 'exports/dt=2026-12-01/', suffix: '.c++' },
      { prefix: 'Customer Files/' },
    ]);
    expect(decoded.QueueConfigurations?.[0]).toMatchObject({
      QueueArn: QUEUE_ARN,
      Events: ['s3:ObjectCreated:*'],
    });
  });

  it('passes an EventBridge configuration through untouched', () => {
    // Act & Assess
    expect(s3FiltersAsMotoReads({ EventBridgeConfiguration: {} })).toEqual({ EventBridgeConfiguration: {} });
  });

  it('keeps one prefix with suffixes that do not overlap, as S3 allows', () => {
    // Prepare
    const configuration = {
      QueueConfigurations: [
        queueConfiguration({ prefix: 'imports/', suffix: '.csv' }),
        queueConfiguration({ prefix: 'imports/', suffix: '.json' }),
      ],
    };

    // Act & Assess
    expect(filterValues(s3FiltersAsMotoReads(configuration))).toHaveLength(2);
  });

  it.each([
    ['nested prefixes', { prefix: 'imports/' }, { prefix: 'imports/vip/' }],
    ['identical prefixes', { prefix: 'a/', suffix: '.csv' }, { prefix: 'a/', suffix: '.csv' }],
    ['one suffix ending with the other', { prefix: 'a/', suffix: '.csv' }, { prefix: 'a/', suffix: 'x.csv' }],
    ['a suffix and no suffix', { prefix: 'a/', suffix: '.csv' }, { prefix: 'a/b/' }],
    ['a prefix and a suffix alone', { prefix: 'images' }, { suffix: 'jpg' }],
    ['encodings of the same text', { prefix: 'Customer+Files/' }, { prefix: 'Customer%20Files/' }],
  ])('rejects %s, as S3 does', (_, first, second) => {
    // Prepare
    const configuration = { QueueConfigurations: [queueConfiguration(first), queueConfiguration(second)] };

    // Act & Assess
    expect(() => s3FiltersAsMotoReads(configuration)).toThrow(/Configuration is ambiguously defined/);
  });

  it('judges overlap per event type: a wildcard covers its specific events', () => {
    // Prepare
    const put = queueConfiguration({ prefix: 'a/' }, ['s3:ObjectCreated:Put']);
    const removed = queueConfiguration({ prefix: 'a/' }, ['s3:ObjectRemoved:*']);
    const created = queueConfiguration({ prefix: 'a/' }, ['s3:ObjectCreated:*']);

    // Act & Assess
    expect(() => s3FiltersAsMotoReads({ QueueConfigurations: [put, removed] })).not.toThrow();
    expect(() => s3FiltersAsMotoReads({ QueueConfigurations: [put, created] })).toThrow(/ambiguously/);
  });

  it('judges overlap across destination types', () => {
    // Prepare
    const configuration: NotificationConfiguration = {
      QueueConfigurations: [queueConfiguration({ prefix: 'a/' })],
      TopicConfigurations: [
        {
          TopicArn: 'arn:aws:sns:us-east-1:123456789012:topic',
          Events: ['s3:ObjectCreated:Put'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/b/' }] } },
        },
      ],
    };

    // Act & Assess
    expect(() => s3FiltersAsMotoReads(configuration)).toThrow(/ambiguously/);
  });
});
