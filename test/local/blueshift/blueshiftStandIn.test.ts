import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BlueshiftStandIn,
  startBlueshiftStandIn,
  TRIGGER_IMPORT_PATH,
} from '../../../local/blueshift/blueshiftStandIn';

const UUID = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
const UNKNOWN_UUID = '11111111-2222-4333-8444-555555555555';

const basicAuth = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** Calls the stand-in the way the handler calls Blueshift. */
const trigger = (
  standIn: BlueshiftStandIn,
  uuid: string,
  {
    key = standIn.apiKey,
    method = 'POST',
    path = TRIGGER_IMPORT_PATH,
    signal = AbortSignal.timeout(5_000),
  } = {},
) =>
  fetch(`${standIn.url}${path}`, {
    method,
    headers: {
      authorization: basicAuth(key),
      'content-type': 'application/json',
      accept: 'application/json',
    },
    ...(method === 'POST' ? { body: JSON.stringify({ uuid }) } : {}),
    signal,
  });

describe('Class: BlueshiftStandIn', () => {
  let standIn: BlueshiftStandIn;

  beforeAll(async () => {
    standIn = await startBlueshiftStandIn({ knownUuids: [UUID] });
  });
  beforeEach(() => standIn.reset());
  afterAll(() => standIn.close());

  it('answers an authorised trigger with 200 {"status":"ok"} and logs the call', async () => {
    // Act
    const response = await trigger(standIn, UUID);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(standIn.calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: TRIGGER_IMPORT_PATH,
        body: { uuid: UUID },
        response: 200,
      }),
    ]);
    expect(standIn.calls[0]?.headers.authorization).toBe(basicAuth(standIn.apiKey));
  });

  it('refuses a wrong API key with 401 {"message":"Not authorized"}', async () => {
    // Act
    const response = await trigger(standIn, UUID, { key: 'not-the-key' });

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Not authorized' });
  });

  it('answers 404 with the errors body for an unknown import uuid', async () => {
    // Act
    const response = await trigger(standIn, UNKNOWN_UUID);

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ title: 'error', detail: 'Error: Resource not found' }],
    });
  });

  it('plays the scripted answers in order, then the default 200', async () => {
    // Prepare
    standIn.script(UUID, [{ status: 503 }, { status: 429, retryAfter: '2' }, { status: 405 }]);

    // Act
    const responses = [];
    for (let i = 0; i < 4; i++) responses.push(await trigger(standIn, UUID));

    // Assess
    expect(responses.map((response) => response.status)).toEqual([503, 429, 405, 200]);
    expect(responses[1]?.headers.get('retry-after')).toBe('2');
    expect(await responses[0]?.json()).toEqual({ message: 'Service Unavailable - Try again later.' });
    expect(await responses[2]?.json()).toEqual({
      errors: [{ title: 'error', detail: 'Error: Action not supported' }],
    });
    expect(standIn.calls.map((call) => call.response)).toEqual([503, 429, 405, 200]);
  });

  it('takes a plan as a function of the attempt', async () => {
    // Prepare
    standIn.script(UUID, (attempt) => (attempt < 2 ? { status: 500 } : undefined));

    // Act
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await trigger(standIn, UUID)).status);

    // Assess
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('hangs until close() ends the connection, with no answer before', async () => {
    // Prepare
    const hanging = await startBlueshiftStandIn();
    hanging.script(UUID, [{ kind: 'hang' }]);
    let settled = false;

    // Act
    const attempt = trigger(hanging, UUID).finally(() => {
      settled = true;
    });
    attempt.catch(() => {});
    await vi.waitFor(() => expect(hanging.calls).toHaveLength(1));
    const settledBeforeClose = settled;
    await hanging.close();

    // Assess
    expect(settledBeforeClose).toBe(false);
    expect(hanging.calls.map((call) => call.response)).toEqual(['hang']);
    await expect(attempt).rejects.toThrow();
  });

  it('resets the connection so the client sees a connection error', async () => {
    // Prepare
    standIn.script(UUID, [{ kind: 'reset' }]);

    // Act
    const attempt = trigger(standIn, UUID);

    // Assess
    await expect(attempt).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } });
  });

  it('answers 404 to another path and 405 to another method', async () => {
    // Act
    const otherPath = await trigger(standIn, UUID, { path: '/api/v1/customers' });
    const otherMethod = await trigger(standIn, UUID, { method: 'GET' });

    // Assess
    expect(otherPath.status).toBe(404);
    expect(otherMethod.status).toBe(405);
  });

  it('models import runs over HTTP: a 200 starts a run, a call during it gets 405 with the page’s body', async () => {
    // Prepare
    let nowMs = 0;
    const modelled = await startBlueshiftStandIn({ behaviour: { runSeconds: 5 }, now: () => nowMs });

    // Act
    const first = await trigger(modelled, UUID);
    nowMs = 4_000;
    const during = await trigger(modelled, UUID);
    await modelled.close();

    // Assess
    expect([first.status, during.status]).toEqual([200, 405]);
    expect(await during.json()).toEqual({
      errors: [{ title: 'error', detail: 'Error: Action not supported' }],
    });
    expect(modelled.runs).toEqual([{ uuid: UUID, startedAtMs: 0, endsAtMs: 5_000 }]);
  });

  it('sends the rate limit’s Retry-After header with its 429', async () => {
    // Prepare
    const limited = await startBlueshiftStandIn({ behaviour: { rateLimit: { calls: 1, perSeconds: 30 } } });

    // Act
    await trigger(limited, UUID);
    const refused = await trigger(limited, UUID);
    await limited.close();

    // Assess
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
  });

  it('lets a script override the behaviour for its import', async () => {
    // Prepare
    const busy = await startBlueshiftStandIn({ behaviour: { busy: true } });
    busy.script(UUID, [{ status: 200 }]);

    // Act
    const statuses = [(await trigger(busy, UUID)).status, (await trigger(busy, UUID)).status];
    await busy.close();

    // Assess
    expect(statuses).toEqual([200, 405]);
  });
});
