import { LOG_MESSAGES } from '../../lambda/logMessages';

/** One structured line the function logged (Powertools Logger's JSON). */
export interface FunctionLogLine {
  readonly level: string;
  readonly message: string;
  readonly function_request_id?: string;
  readonly [field: string]: unknown;
}

/** The lines of one invocation, complete once the handler logged its closing line. */
export interface InvocationLog {
  readonly requestId: string;
  readonly lines: readonly FunctionLogLine[];
  /** The closing line's record count. */
  readonly records: number;
}

/** The line processBatch ends every batch with. */
export const BATCH_DONE = LOG_MESSAGES.batchDone;

/**
 * Splits the function's output into lines and groups its JSON log lines by request ID; hands on each
 * invocation's lines when its closing line arrives, and any other output (a crash's stack trace) as text.
 */
export function createLogCollector(handlers: {
  readonly onInvocation: (log: InvocationLog) => void;
  readonly onOtherLine: (line: string) => void;
}): (chunk: string) => void {
  let partial = '';
  const open = new Map<string, FunctionLogLine[]>();
  const take = (text: string) => {
    if (isMetricsLine(text)) return;
    const line = parseLogLine(text);
    if (!line?.function_request_id) {
      if (text.trim()) handlers.onOtherLine(text);
      return;
    }
    const requestId = line.function_request_id;
    const lines = open.get(requestId) ?? [];
    lines.push(line);
    open.set(requestId, lines);
    if (line.message !== BATCH_DONE) return;
    open.delete(requestId);
    handlers.onInvocation({ requestId, lines, records: Number(line.records ?? 0) });
  };
  return (chunk) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) take(part);
  };
}

/** Powertools Metrics' EMF lines: CloudWatch reads them as metrics, not as log lines. */
const isMetricsLine = (text: string) => text.startsWith('{"_aws":');

function parseLogLine(text: string): FunctionLogLine | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<FunctionLogLine>;
    return typeof parsed.message === 'string' && typeof parsed.level === 'string'
      ? (parsed as FunctionLogLine)
      : undefined;
  } catch {
    return undefined;
  }
}
