import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { SQSClient } from '@aws-sdk/client-sqs';

/** A queue as both APIs need it: SQS calls take the URL, message move tasks take the ARN. */
export interface QueueRef {
  readonly url: string;
  readonly arn: string;
}

/** The dead-letter queue to empty and the ingest queue it feeds back; dry runs may lack the ingest queue. */
export interface RedriveQueues {
  readonly deadLetter: QueueRef;
  readonly source?: QueueRef;
}

/** The SDK clients the CLI uses, made in one place so tests can hand in mocks or moto-bound clients. */
export interface RedriveClients {
  readonly sqs: SQSClient;
  readonly cloudFormation: CloudFormationClient;
}

/** Where the CLI writes: progress to `log`, problems to `error`. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Waits; injected so tests need not. */
export type Sleep = (milliseconds: number) => Promise<void>;

/** What a moving mode (move task or copy) needs: the client, both queues, a rate, where to write, how to wait. */
export interface RedriveModeInput {
  readonly sqs: SQSClient;
  readonly deadLetter: QueueRef;
  readonly source: QueueRef;
  readonly maxPerSecond?: number;
  readonly output: Output;
  readonly sleep: Sleep;
}
