import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImportRun } from './importRuns';
import { createStandInImports, type StandInBehaviour } from './standInBehaviour';

/** The one endpoint the stand-in serves. */
export const TRIGGER_IMPORT_PATH = '/api/v1/customer_attributes/trigger_import';

/** The key the stand-in accepts unless told otherwise. */
export const STAND_IN_API_KEY = 'stand-in-api-key';

/** Response bodies as Blueshift's API reference page gives them, by status. */
export const PAGE_BODIES: Readonly<Record<number, unknown>> = {
  200: { status: 'ok' },
  401: { message: 'Not authorized' },
  404: { errors: [{ title: 'error', detail: 'Error: Resource not found' }] },
  405: { errors: [{ title: 'error', detail: 'Error: Action not supported' }] },
  429: { message: 'Rate limit exceeded' },
  500: { message: 'Internal Server Error - Please contact support for more information.' },
  502: { message: 'Bad Gateway - Please retry the request.' },
  503: { message: 'Service Unavailable - Try again later.' },
  504: { message: 'Gateway Timeout - Retry with exponential backoff.' },
};

/** An answer to give: a status (with the page's body unless `body` is set), never answering, or a TCP reset. */
export type PlannedResponse =
  | { readonly status: number; readonly retryAfter?: string; readonly body?: unknown }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' };

/** Answers for one uuid: a list played in order, or a function of the 0-based attempt; then the default. */
export type ResponsePlan = readonly PlannedResponse[] | ((attempt: number) => PlannedResponse | undefined);

/** One request as the stand-in saw it. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
  /** Arrival time, ms since the epoch. */
  readonly at: number;
  /** The status given, or the fault played. */
  readonly response: number | 'hang' | 'reset';
}

export interface BlueshiftStandInOptions {
  /** The User API key that authorises. @default STAND_IN_API_KEY */
  readonly apiKey?: string;
  /** Import uuids that exist; others get 404. @default - every uuid exists */
  readonly knownUuids?: Iterable<string>;
  /** How unscripted triggers are answered (import runs, failures, busy, rate limit). @default - always 200 */
  readonly behaviour?: StandInBehaviour;
  /** The clock of import runs and the rate limit, ms since the epoch. @default Date.now */
  readonly now?: () => number;
  /** Draws the `fail` share. @default Math.random */
  readonly random?: () => number;
}

/** A local, scriptable imitation of Blueshift's trigger-import endpoint. */
export interface BlueshiftStandIn {
  /** Base URL, `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly apiKey: string;
  /** Every request received, oldest first. */
  readonly calls: readonly RecordedCall[];
  /** Every import run the behaviour started (each unscripted 200), oldest first. */
  readonly runs: readonly ImportRun[];
  /** Sets the answers for a uuid's next authorised triggers, replacing any earlier plan. */
  script(uuid: string, plan: ResponsePlan): void;
  /** Forgets calls, plans, runs and the rate limit's window. */
  reset(): void;
  /** Stops listening and ends every connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port. */
export async function startBlueshiftStandIn(
  options: BlueshiftStandInOptions = {},
): Promise<BlueshiftStandIn> {
  const apiKey = options.apiKey ?? STAND_IN_API_KEY;
  const authorization = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  const known = options.knownUuids ? new Set(options.knownUuids) : undefined;
  const calls: RecordedCall[] = [];
  const plans = new Map<string, { plan: ResponsePlan; attempts: number }>();
  const imports = createStandInImports(options.behaviour ?? {}, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.random ? { random: options.random } : {}),
  });

  const nextScripted = (uuid: string): PlannedResponse | undefined => {
    const entry = plans.get(uuid);
    if (!entry) return undefined;
    const attempt = entry.attempts++;
    return typeof entry.plan === 'function' ? entry.plan(attempt) : entry.plan[attempt];
  };

  const decide = (request: IncomingMessage, body: unknown): PlannedResponse => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (path !== TRIGGER_IMPORT_PATH) return { status: 404 };
    if (request.method !== 'POST') return { status: 405 };
    if (request.headers.authorization !== authorization) return { status: 401 };
    const uuid = (body as { uuid?: unknown } | null)?.uuid;
    // The page documents no 400: a request without a uuid names no import, hence 404.
    if (typeof uuid !== 'string') return { status: 404 };
    return nextScripted(uuid) ?? (!known || known.has(uuid) ? imports.answer(uuid) : { status: 404 });
  };

  const server = createServer(async (request, response) => {
    const at = Date.now();
    const body = parseBody(await readText(request));
    const planned = decide(request, body);
    const given = 'kind' in planned ? planned.kind : planned.status;
    calls.push({
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      body,
      at,
      response: given,
    });
    answer(request, response, planned);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    get runs() {
      return imports.runs;
    },
    script: (uuid, plan) => void plans.set(uuid, { plan, attempts: 0 }),
    reset: () => {
      calls.length = 0;
      plans.clear();
      imports.reset();
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, planned: PlannedResponse): void {
  if ('kind' in planned) {
    // A hang keeps the socket open until the client gives up or close() ends it.
    if (planned.kind === 'reset') request.socket.resetAndDestroy();
    return;
  }
  const body = planned.body ??
    PAGE_BODIES[planned.status] ?? { message: `Stand-in status ${planned.status}` };
  response.writeHead(planned.status, {
    'content-type': 'application/json',
    ...(planned.retryAfter === undefined ? {} : { 'retry-after': planned.retryAfter }),
  });
  response.end(JSON.stringify(body));
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
