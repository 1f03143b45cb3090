import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METRIC_NAMES, METRICS_NAMESPACE } from '../../contract/metrics';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { lambdaContext, s3NotificationBody, sqsEvent, sqsRecord } from './factories';
import {
  API_KEY,
  captureLogs,
  DAILY,
  type Handler,
  invoke,
  loadHandler,
  SERVICE_NAME,
  secretsManager,
  sqs,
  useFakeClock,
} from './handlerHarness';

type Emf = Record<string, unknown> & {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
};
const drop = () => sqsEvent(sqsRecord(s3NotificationBody(['daily/a.csv']), { messageId: 'drop-1' }));
const dimensionsOf = (line: Emf) => line._aws.CloudWatchMetrics[0]?.Dimensions;
const unitOf = (line: Emf, name: string) =>
  line._aws.CloudWatchMetrics[0]?.Metrics.find((metric) => metric.Name === name)?.Unit;

describe('Handler: metrics in Embedded Metric Format', () => {
  let blueshift: BlueshiftStandIn;
  let handler: Handler;
  let logs: ReturnType<typeof captureLogs>;
  const emf = () => logs.emf() as Emf[];
  /** The batch's line: the one with only the service dimension. */
  const batchLine = () => emf().find((line) => dimensionsOf(line)?.[0]?.length === 1);

  beforeAll(async () => {
    blueshift = await startBlueshiftStandIn({ apiKey: API_KEY });
    handler = await loadHandler(blueshift);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await blueshift.close();
  });
  beforeEach(() => {
    blueshift.reset();
    secretsManager.reset();
    sqs.reset();
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: API_KEY });
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
    logs = captureLogs();
    useFakeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('counts a trigger by outcome, and by import and outcome, in the namespace with the service dimension', async () => {
    // Act
    await invoke(handler, drop());

    // Assess
    const triggers = emf().filter((line) => METRIC_NAMES.triggers in line);
    expect(triggers.map(dimensionsOf)).toEqual([
      [['service', 'Outcome']],
      [['service', 'ImportUuid', 'Outcome']],
    ]);
    expect(triggers[1]).toMatchObject({ service: SERVICE_NAME, ImportUuid: DAILY, Outcome: 'triggered' });
    expect(triggers.every((line) => line[METRIC_NAMES.triggers] === 1)).toBe(true);
    expect(emf().every((line) => line._aws.CloudWatchMetrics[0]?.Namespace === METRICS_NAMESPACE)).toBe(true);
  });

  it('publishes the batch counts, the files per trigger and the Blueshift latency in ms', async () => {
    // Act
    await invoke(handler, drop());

    // Assess
    const line = batchLine();
    expect(line).toMatchObject({
      service: SERVICE_NAME,
      [METRIC_NAMES.filesPerTrigger]: 1,
      [METRIC_NAMES.recordsFailed]: 0,
      [METRIC_NAMES.filesCovered]: 0,
      [METRIC_NAMES.ledgerUnavailable]: 0,
    });
    expect(typeof line?.[METRIC_NAMES.blueshiftLatency]).toBe('number');
    expect(line && unitOf(line, METRIC_NAMES.blueshiftLatency)).toBe('Milliseconds');
  });

  it('counts unreadable messages, test events, failed records and transient outcomes', async () => {
    // Prepare
    blueshift.script(DAILY, [{ status: 503 }, { status: 503 }, { status: 503 }]);
    const event = sqsEvent(
      sqsRecord('not json'),
      sqsRecord(JSON.stringify({ Event: 's3:TestEvent' })),
      sqsRecord(s3NotificationBody(['daily/a.csv'])),
    );

    // Act
    await invoke(handler, event);

    // Assess
    expect(batchLine()).toMatchObject({
      [METRIC_NAMES.unreadableMessages]: 1,
      [METRIC_NAMES.testEvents]: 1,
      [METRIC_NAMES.recordsFailed]: 2,
    });
    expect(emf().find((line) => 'ImportUuid' in line)).toMatchObject({ Outcome: 'transient' });
  });

  it('publishes what the batch counted also when the batch throws', async () => {
    // Prepare: a test event without SQS attributes gets planned, then breaks the batch.
    const broken = { ...sqsRecord(JSON.stringify({ Event: 's3:TestEvent' })) } as Partial<SQSRecord>;
    delete broken.attributes;

    // Act / Assess
    // (No Blueshift call, so no clock to move: the handler is called directly.)
    await expect(handler(sqsEvent(broken as SQSRecord), lambdaContext())).rejects.toThrow(TypeError);
    expect(batchLine()).toMatchObject({ [METRIC_NAMES.testEvents]: 1 });
  });
});
