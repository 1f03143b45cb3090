import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueRef } from '../../scripts/ops/redrive/types';
import {
  createExecutionEnvironment,
  type FunctionSpec,
  type InvocationResult,
} from '../function/executionEnvironment';
import { messagesToKeep } from './messagesToKeep';
import { type BatchingSettings, receiveBatch } from './receiveBatch';
import { toSqsRecord } from './toSqsRecord';

export interface EventSourcePollerOptions {
  readonly sqs: SQSClient;
  readonly queue: QueueRef;
  readonly fn: FunctionSpec;
  readonly batching: BatchingSettings;
  /** Concurrent invocations, each in its own execution environment (the mapping's MaximumConcurrency). */
  readonly maxConcurrency: number;
  /** The mapping's FunctionResponseTypes include ReportBatchItemFailures. */
  readonly reportBatchItemFailures: boolean;
}

/** One message of an invocation's batch. */
export interface PolledRecord {
  readonly messageId: string;
  readonly receiveCount: number;
  readonly body: string;
}

/** One invocation as the poller saw it. */
export interface PolledInvocation {
  readonly records: readonly PolledRecord[];
  readonly outcome: InvocationResult['outcome'];
  /** Message IDs left in the queue to be received again. */
  readonly kept: readonly string[];
}

export interface EventSourcePoller {
  readonly invocations: readonly PolledInvocation[];
  /** The poller's own problems (a failed receive or delete), for diagnosis. */
  readonly errors: readonly string[];
  /** Lets every in-flight batch finish, then stops polling and ends the execution environments. */
  stop(): Promise<void>;
}

/** Pause after a failed or empty receive. */
const PAUSE_MS = 100;

/**
 * Stands in for Lambda's SQS event source mapping: receives batches, invokes the function, and deletes every
 * message that the response does not report as failed.
 */
export function startEventSourcePoller(options: EventSourcePollerOptions): EventSourcePoller {
  const { sqs, queue, fn } = options;
  const invocations: PolledInvocation[] = [];
  const errors: string[] = [];
  let stopping = false;

  const poll = async () => {
    const environment = createExecutionEnvironment(fn);
    try {
      while (!stopping) {
        let messages: Message[];
        try {
          messages = await receiveBatch(sqs, queue.url, options.batching);
        } catch (error) {
          errors.push(`receive: ${(error as Error).message}`);
          await sleep(PAUSE_MS);
          continue;
        }
        if (messages.length === 0) {
          // Idle short polls, spaced out: a prompt stop without a receive left waiting, and moto not flooded.
          if (options.batching.waitTimeSeconds === 0) await sleep(PAUSE_MS);
          continue;
        }
        const records = messages.map((message) => toSqsRecord(message, queue, fn.region));
        const result = await environment.invoke({ Records: records });
        const kept = messagesToKeep(result, records, options.reportBatchItemFailures);
        await deleteMessages(sqs, queue.url, messages, kept, errors);
        invocations.push({
          records: records.map(({ messageId, body, attributes }) => ({
            messageId,
            body,
            receiveCount: Number(attributes.ApproximateReceiveCount),
          })),
          outcome: result.outcome,
          kept: [...kept],
        });
      }
    } finally {
      await environment.dispose();
    }
  };

  const loops = Array.from({ length: options.maxConcurrency }, poll);
  return {
    invocations,
    errors,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

async function deleteMessages(
  sqs: SQSClient,
  queueUrl: string,
  messages: readonly Message[],
  kept: ReadonlySet<string>,
  errors: string[],
): Promise<void> {
  const done = messages.filter((message) => !kept.has(message.MessageId ?? ''));
  for (let start = 0; start < done.length; start += 10) {
    const chunk = done.slice(start, start + 10);
    try {
      const { Failed = [] } = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
      for (const failure of Failed) errors.push(`delete: ${failure.Code} ${failure.Message ?? ''}`);
    } catch (error) {
      errors.push(`delete: ${(error as Error).message}`);
    }
  }
}
