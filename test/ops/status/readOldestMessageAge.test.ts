import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { queueNameOf, readOldestMessageAge } from '../../../scripts/ops/status/readOldestMessageAge';

const cloudWatchMock = mockClient(CloudWatchClient);
const NOW = Date.parse('2026-12-01T12:00:00Z');
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/Stack-IngestQueue-AbC';

describe('Function: readOldestMessageAge()', () => {
  beforeEach(() => cloudWatchMock.reset());

  it('asks for the queue’s per-minute maximum of the last 15 minutes and takes the latest datapoint', async () => {
    // Prepare: CloudWatch returns datapoints in no particular order.
    cloudWatchMock.on(GetMetricStatisticsCommand).resolves({
      Datapoints: [
        { Timestamp: new Date(NOW - 120_000), Maximum: 300 },
        { Timestamp: new Date(NOW - 60_000), Maximum: 42 },
        { Timestamp: new Date(NOW - 180_000), Maximum: 900 },
      ],
    });

    // Act
    const age = await readOldestMessageAge(new CloudWatchClient({}), QUEUE_URL, NOW);

    // Assess
    expect(age).toEqual({ ageSeconds: 42, atMs: NOW - 60_000 });
    expect(cloudWatchMock).toReceiveCommandWith(GetMetricStatisticsCommand, {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: 'Stack-IngestQueue-AbC' }],
      StartTime: new Date(NOW - 15 * 60_000),
      EndTime: new Date(NOW),
      Period: 60,
      Statistics: ['Maximum'],
    });
  });

  it('is undefined when CloudWatch has no datapoint (an idle queue)', async () => {
    // Prepare
    cloudWatchMock.on(GetMetricStatisticsCommand).resolves({ Datapoints: [] });

    // Act
    const age = await readOldestMessageAge(new CloudWatchClient({}), QUEUE_URL, NOW);

    // Assess
    expect(age).toBeUndefined();
  });
});

describe('Function: queueNameOf()', () => {
  it('is the URL’s last path segment, a trailing slash ignored', () => {
    expect(queueNameOf(`${QUEUE_URL}/`)).toBe('Stack-IngestQueue-AbC');
  });
});
