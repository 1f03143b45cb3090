/**
 * AWS's time, for what ops records in the trigger ledger. The function compares recorded times with times AWS
 * set (S3 `eventTime`, SQS `SentTimestamp`), so a time taken from an operator's clock that runs fast would
 * cover files that landed after the real trigger: acknowledged, never imported. Ops therefore records by
 * AWS's clock, read from the HTTP `Date` header of a DynamoDB answer ("An origin server with a clock MUST
 * generate a Date header field in all 2xx ... and 4xx responses", RFC 9110 §6.6.1:
 * https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1), and never guesses one.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** AWS's time at one moment of the local clock: `awsMs` is at most AWS's time at local `localMs`. */
export interface AwsClockReading {
  readonly awsMs: number;
  readonly localMs: number;
}

/**
 * AWS's time at a local moment, never later than AWS's clock: the reading moved on by the local time since
 * (a local clock runs at AWS's rate, whatever its offset), and never later than the local time itself
 * (a local clock behind AWS's gives the earlier, safer time).
 */
export function awsTimeAt(localMs: number, reading: AwsClockReading): number {
  return Math.min(localMs, reading.awsMs + (localMs - reading.localMs));
}

type DynamoSend = Pick<DynamoDBClient, 'send'>;
type Next = (args: unknown) => Promise<{ readonly response: unknown }>;
interface CommandWithStack {
  readonly middlewareStack: { add: (middleware: never, options: object) => void };
}

/** Reads the `Date` header of an answer: second resolution, so at most the server's time when it answered. */
function dateHeaderMs(response: unknown): number | undefined {
  const headers = (response as { headers?: Record<string, string | undefined> } | undefined)?.headers;
  const value = headers?.date ?? headers?.Date;
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/**
 * A DynamoDB client that reads AWS's clock from each answer. A deserialize-step middleware sees the raw HTTP
 * response of every attempt ("deserialize: The response has arrived", https://www.npmjs.com/package/@aws-sdk/middleware-stack;
 * https://aws.amazon.com/blogs/developer/middleware-stack-modular-aws-sdk-js/); it is added to each command,
 * not to the shared client. The local time is taken after the answer arrived: the server wrote its `Date`
 * before that, so the reading is never ahead of AWS.
 */
export function withAwsClock(client: DynamoSend, now: () => number) {
  let latest: AwsClockReading | undefined;
  const captureDate = (next: Next) => async (args: unknown) => {
    const result = await next(args);
    const localMs = now();
    const awsMs = dateHeaderMs(result.response);
    if (awsMs !== undefined) latest = { awsMs, localMs };
    return result;
  };
  const send = (command: CommandWithStack, ...rest: unknown[]) => {
    command.middlewareStack.add(captureDate as never, {
      step: 'deserialize',
      name: 'opsAwsClockMiddleware',
      override: true,
    });
    return (client.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
  };
  return {
    client: { send } as unknown as DynamoSend,
    /** The latest reading, if an answer carried a date. */
    reading: (): AwsClockReading | undefined => latest,
  };
}
