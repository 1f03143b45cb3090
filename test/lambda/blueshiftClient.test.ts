import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { triggerImport } from '../../lambda/blueshiftClient';
import { type BlueshiftStandIn, startBlueshiftStandIn } from '../../local/blueshift/blueshiftStandIn';
import { freeLoopbackPort } from '../../local/moto/freeLoopbackPort';

const UUID = 'aaaaaaaa-0000-4000-8000-000000000001';

describe('Function: triggerImport()', () => {
  let blueshift: BlueshiftStandIn;
  const request = () => ({ baseUrl: blueshift.url, apiKey: blueshift.apiKey, uuid: UUID, timeoutMs: 500 });

  beforeAll(async () => {
    blueshift = await startBlueshiftStandIn();
  });
  afterAll(() => blueshift.close());
  beforeEach(() => blueshift.reset());
  afterEach(() => vi.useRealTimers());

  it('returns the status and Blueshift message', async () => {
    // Prepare
    blueshift.script(UUID, [{ status: 405 }]);

    // Act / Assess
    expect(await triggerImport(request())).toEqual({
      kind: 'response',
      status: 405,
      message: 'Error: Action not supported',
    });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    // Prepare
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    blueshift.script(UUID, [{ status: 429, retryAfter: inTwoMinutes }]);

    // Act
    const response = await triggerImport(request());

    // Assess
    expect(response).toMatchObject({ status: 429, message: 'Rate limit exceeded' });
    expect(response.kind === 'response' && response.retryAfterSeconds).toBeGreaterThanOrEqual(118);
  });

  it('shows a short excerpt of a body that is not JSON', async () => {
    // Prepare
    blueshift.script(UUID, [{ status: 502, body: `<html>${'x'.repeat(1000)}</html>` }]);

    // Act
    const response = await triggerImport(request());

    // Assess
    expect(response.message).toMatch(/^"<html>x+$/);
    expect(response.message).toHaveLength(300);
  });

  it('reports a call that never answers as a timeout', async () => {
    // Prepare
    blueshift.script(UUID, [{ kind: 'hang' }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    // Act: once the stand-in holds the request, the fake clock runs out its timeout.
    const response = triggerImport(request());
    while (blueshift.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(500);

    // Assess
    expect(await response).toEqual({ kind: 'timeout', message: 'no response within 500 ms' });
  });

  it('reports a refused connection as a network error', async () => {
    // Prepare: a port that was free a moment ago has no listener.
    const closedPort = await freeLoopbackPort();

    // Act
    const response = await triggerImport({ ...request(), baseUrl: `http://127.0.0.1:${closedPort}` });

    // Assess
    expect(response).toEqual({ kind: 'network-error', message: 'ECONNREFUSED' });
  });
});
