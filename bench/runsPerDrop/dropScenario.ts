import type { ImportMapping } from '../../contract/importMapping';
import { encodeS3Key } from '../../test/lambda/factories';

/** The deployment's settings that shape a drop's retries, as the stack would set them. */
export interface SimulationSettings {
  readonly batchSize: number;
  readonly batchWindowSeconds: number;
  readonly maxConcurrency: number;
  readonly functionTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retryBaseDelaySeconds: number;
  readonly retryMaxDelaySeconds: number;
  readonly attemptsPerInvocation: number;
  readonly maxConcurrentCalls: number;
  readonly requestTimeoutSeconds: number;
  readonly coverageMarginSeconds: number;
  readonly maxSettleSeconds: number;
  /** Round trip of one Blueshift call. */
  readonly callLatencyMs: number;
}

/** One drop to simulate: files landing over a span, and how Blueshift runs their imports. */
export interface DropScenario {
  readonly name: string;
  readonly files: number;
  /** The first file lands at 0 s and the last at this many seconds. */
  readonly spanSeconds: number;
  /** The files spread over this many imports, round robin. */
  readonly imports: number;
  readonly runSeconds: number;
  /** Each import's `settleSeconds` (needs the ledger). @default - none */
  readonly settleSeconds?: number;
  /** Share of Blueshift calls answered 503. @default 0 */
  readonly transientShare?: number;
  readonly seed: number;
  readonly settings: SimulationSettings;
}

/** One file of the drop. */
export interface DroppedFile {
  readonly key: string;
  readonly uuid: string;
  readonly landedAtMs: number;
  /** When S3's notification reached the queue (its `SentTimestamp`). */
  readonly sentAtMs: number;
}

export const SIMULATED_BUCKET = 'simulated-drops';
/** Midnight UTC, 1 December 2026: the simulated clock starts here. */
export const DROP_EPOCH_MS = Date.UTC(2026, 11, 1);

/** The scenario's imports, one prefix each. */
export function scenarioImports(scenario: DropScenario): ImportMapping[] {
  return Array.from({ length: scenario.imports }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return {
      prefix: `exports/feed-${number}/`,
      uuid: `5e1a0000-0000-4000-8000-0000000000${number}`,
      ...(scenario.settleSeconds !== undefined ? { settleSeconds: scenario.settleSeconds } : {}),
    };
  });
}

/**
 * The drop's files: landing times drawn uniformly over the span (the first at 0, the last at the span's
 * end), each notification reaching the queue 50–500 ms later.
 */
export function dropFiles(scenario: DropScenario, random: () => number): DroppedFile[] {
  const imports = scenarioImports(scenario);
  const spanMs = scenario.spanSeconds * 1000;
  const offsets = Array.from({ length: scenario.files }, (_, index) =>
    index === 0 ? 0 : index === 1 ? spanMs : Math.floor(random() * spanMs),
  ).sort((a, b) => a - b);
  return offsets.map((offsetMs, index) => {
    const mapping = imports[index % imports.length] as ImportMapping;
    const landedAtMs = DROP_EPOCH_MS + offsetMs;
    return {
      key: `${mapping.prefix}2026/12/01/part ${String(index).padStart(5, '0')}.csv`,
      uuid: mapping.uuid,
      landedAtMs,
      sentAtMs: landedAtMs + 50 + Math.floor(random() * 450),
    };
  });
}

/** The S3 ObjectCreated notification S3 writes to the queue for a file. */
export function notificationBody(file: DroppedFile): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date(file.landedAtMs).toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: SIMULATED_BUCKET, arn: `arn:aws:s3:::${SIMULATED_BUCKET}` },
          object: { key: encodeS3Key(file.key), size: 1_048_576 },
        },
      },
    ],
  });
}

/** The largest gap between two consecutive landings, in seconds. */
export function largestGapSeconds(files: readonly DroppedFile[]): number {
  let gap = 0;
  for (let index = 1; index < files.length; index++) {
    gap = Math.max(gap, ((files[index]?.landedAtMs ?? 0) - (files[index - 1]?.landedAtMs ?? 0)) / 1000);
  }
  return gap;
}
