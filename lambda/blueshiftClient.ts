import { parseRetryAfter } from './retryAfter';

/** The path of Blueshift's trigger endpoint, below the API base URL. */
export const TRIGGER_IMPORT_PATH = '/api/v1/customer_attributes/trigger_import';

/** What one call to the trigger endpoint came back with. */
export type TriggerResponse =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Blueshift's `message` or first error `detail`, shortened for logs. */
      readonly message: string;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'timeout' | 'network-error'; readonly message: string };

/** One trigger request. */
export interface TriggerRequest {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly uuid: string;
  readonly timeoutMs: number;
}

const MESSAGE_LIMIT = 300;

/** POSTs `{"uuid": …}` with Basic auth (key as user, empty password); never throws. */
export async function triggerImport(
  request: TriggerRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<TriggerResponse> {
  // A plain timer rather than AbortSignal.timeout(), so a test's fake clock can run it out.
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new DOMException('request timed out', 'TimeoutError')),
    request.timeoutMs,
  );
  try {
    const response = await fetchImpl(`${request.baseUrl}${TRIGGER_IMPORT_PATH}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${request.apiKey}:`).toString('base64')}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ uuid: request.uuid }),
      signal: abort.signal,
    });
    const text = await response.text();
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return {
      kind: 'response',
      status: response.status,
      message: readMessage(text),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { kind: 'timeout', message: `no response within ${request.timeoutMs} ms` };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'network-error', message: cause?.code ?? cause?.message ?? (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Blueshift answers `{ message }` or `{ errors: [{ detail }] }`; anything else is shown as an excerpt. */
function readMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; errors?: { detail?: unknown }[]; status?: unknown };
    const message = body.message ?? body.errors?.[0]?.detail ?? body.status;
    if (typeof message === 'string') return message.slice(0, MESSAGE_LIMIT);
  } catch {
    // Not JSON (a proxy's HTML error page, say): the excerpt below is still useful.
  }
  return text.slice(0, MESSAGE_LIMIT);
}
