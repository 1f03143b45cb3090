import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnTied, stopChild } from '../process/childProcesses';
import { freeLoopbackPort } from './freeLoopbackPort';

/** A moto server running as a child process of the test run. */
export interface MotoServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** Process id of moto_server. */
  readonly pid: number;
  /** Stops moto (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_CHARS = 4_000;
const INSTALL_HINT =
  'moto_server is not installed or not on PATH; install it with: pip install "moto[server]"';

/** How to start moto; the defaults suit every test. */
export interface MotoServerOptions {
  /** The moto server executable. @default 'moto_server' */
  readonly command?: string;
  /**
   * Runs moto in a process group of its own, so a terminal's Ctrl-C (sent to the whole foreground group) reaches
   * only the caller, which then stops moto itself after its last calls. @default false
   */
  readonly ownProcessGroup?: boolean;
}

/** Starts `moto_server` on a free loopback port and resolves once it answers HTTP. */
export async function startMotoServer(options: MotoServerOptions = {}): Promise<MotoServer> {
  const port = await freeLoopbackPort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawnTied(options.command ?? 'moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  const output = keepOutputTail(child);
  const ended = endOf(child);
  try {
    await waitUntilAnswering(endpoint, ended, output);
  } catch (error) {
    await stopChild(child, 'SIGTERM', STOP_GRACE_MS);
    throw error;
  }
  // A forgotten server must not keep the test process alive; the exit hook still kills it.
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();
  return { endpoint, pid: child.pid as number, stop: () => stopChild(child, 'SIGTERM', STOP_GRACE_MS) };
}

/** SDK v3 client settings for moto: its region, dummy credentials, path-style S3 addressing. */
export function awsClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    forcePathStyle: true,
    // Newer SDKs add CRC checksums to every S3 call by default; only send them where the API requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
}

/** Keeps the last few KB of moto's output for error messages, and keeps draining the pipes so moto never blocks. */
function keepOutputTail(child: ChildProcess): () => string {
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail;
}

/** Resolves with the reason the child stopped early: it could not be spawned, or it exited. */
function endOf(child: ChildProcess): Promise<Error> {
  return new Promise((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? new Error(INSTALL_HINT) : error),
    );
    // 127 is the shell's (and pyenv's shim's) "command not found".
    child.once('exit', (code, signal) =>
      resolve(
        new Error(code === 127 ? INSTALL_HINT : `moto_server exited early (${signal ?? `code ${code}`})`),
      ),
    );
  });
}

async function waitUntilAnswering(
  endpoint: string,
  ended: Promise<Error>,
  output: () => string,
): Promise<void> {
  let early: Error | undefined;
  void ended.then((reason) => {
    early = reason;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (early) throw withOutput(early, output());
    if (await answers(`${endpoint}/moto-api/`)) return;
    await sleep(POLL_INTERVAL_MS);
  }
  throw withOutput(
    new Error(`moto_server did not answer on ${endpoint} within ${READY_TIMEOUT_MS} ms`),
    output(),
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function withOutput(error: Error, output: string): Error {
  return output.trim() ? new Error(`${error.message}\n--- moto_server output ---\n${output.trim()}`) : error;
}
