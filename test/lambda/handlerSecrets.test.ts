import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ChangeMessageVisibilityBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { s3NotificationBody, sqsEvent, sqsRecord } from './factories';
import { captureLogs, DAILY, invoke, loadHandler, secretsManager, sqs, useFakeClock } from './handlerHarness';

const OLD_KEY = 'old-key-4f1d9a7c2b';
const NEW_KEY = 'new-key-8e3b6c0d5a';
/** Every form a key could leak in: as is, and inside a Basic authorization header. */
const leakForms = (key: string) => [key, Buffer.from(`${key}:`).toString('base64')];
const drop = () => sqsEvent(sqsRecord(s3NotificationBody(['daily/a.csv'])));

describe('Handler: the API key never reaches a log or metric line', () => {
  let blueshift: BlueshiftStandIn;
  let logs: ReturnType<typeof captureLogs>;

  beforeEach(async () => {
    blueshift = await startBlueshiftStandIn({ apiKey: NEW_KEY });
    secretsManager.reset();
    sqs.reset();
    sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await blueshift.close();
  });

  /** A cold handler whose secret first holds `first`, then `then`, invoked once after `arrange`. */
  async function run(first: string, then: string, arrange: () => void = () => undefined) {
    const handler = await loadHandler(blueshift);
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: first })
      .resolves({ SecretString: JSON.stringify({ apiKey: then }) });
    arrange();
    logs = captureLogs();
    useFakeClock();
    return invoke(handler, drop());
  }

  function expectNoKeyIn(lines: readonly string[]) {
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.some((line) => line.includes('"_aws"'))).toBe(true);
    for (const form of [...leakForms(OLD_KEY), ...leakForms(NEW_KEY)]) {
      expect(lines.filter((line) => line.includes(form))).toEqual([]);
    }
  }

  it('on success', async () => {
    // Act
    const response = await run(NEW_KEY, NEW_KEY);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expectNoKeyIn(logs.lines);
  });

  it('on a 401 followed by a key refresh that succeeds', async () => {
    // Act
    const response = await run(OLD_KEY, NEW_KEY);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(blueshift.calls.map((call) => call.response)).toEqual([401, 200]);
    expectNoKeyIn(logs.lines);
  });

  it('on a 401 that the refreshed key does not cure', async () => {
    // Act
    const response = await run(OLD_KEY, OLD_KEY);

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    expect(logs.lines.join('\n')).toContain('"verdict":"unauthorized"');
    expectNoKeyIn(logs.lines);
  });

  it('on a 503 on every attempt', async () => {
    // Act
    const response = await run(NEW_KEY, NEW_KEY, () =>
      blueshift.script(DAILY, [{ status: 503 }, { status: 503 }, { status: 503 }]),
    );

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    expectNoKeyIn(logs.lines);
  });

  it('on a secret that holds the key in broken JSON (key unavailable)', async () => {
    // Act
    const response = await run(`{"apiKey": "${OLD_KEY}"`, NEW_KEY);

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    expect(logs.lines.join('\n')).toContain('"verdict":"key-unavailable"');
    expectNoKeyIn(logs.lines);
  });
});
