import { ListMessageMoveTasksCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { MOVE_POLL_INTERVAL_MS, moveMessages } from '../../../scripts/ops/redrive/moveMessages';
import { DEAD_LETTER, INGEST, redriveModeInput } from './factories';

const sqsMock = mockClient(SQSClient);

type TaskStatus = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
const taskListing = (Status: TaskStatus, moved: number, extra: { FailureReason?: string } = {}) => ({
  Results: [
    {
      Status,
      SourceArn: DEAD_LETTER.arn,
      DestinationArn: INGEST.arn,
      ApproximateNumberOfMessagesMoved: moved,
      ApproximateNumberOfMessagesToMove: 40,
      ...extra,
    },
  ],
});

describe('Function: moveMessages()', () => {
  beforeEach(() => {
    sqsMock.reset();
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-handle-1' });
  });

  it('starts a move task from the dead-letter queue to the ingest queue at the given rate', async () => {
    // Prepare
    sqsMock.on(ListMessageMoveTasksCommand).resolves(taskListing('COMPLETED', 40));

    // Act
    await moveMessages(redriveModeInput(25));

    // Assess
    expect(sqsMock).toReceiveCommandWith(StartMessageMoveTaskCommand, {
      SourceArn: DEAD_LETTER.arn,
      DestinationArn: INGEST.arn,
      MaxNumberOfMessagesPerSecond: 25,
    });
  });

  it('follows the task until it completes, printing progress', async () => {
    // Prepare
    sqsMock
      .on(ListMessageMoveTasksCommand)
      .resolvesOnce(taskListing('RUNNING', 0))
      .resolvesOnce(taskListing('RUNNING', 25))
      .resolves(taskListing('COMPLETED', 40));
    const input = redriveModeInput();

    // Act
    const completed = await moveMessages(input);

    // Assess
    expect(completed).toBe(true);
    expect(input.output.lines.slice(-3)).toEqual([
      'RUNNING: moved 0 of 40',
      'RUNNING: moved 25 of 40',
      'COMPLETED: moved 40 of 40',
    ]);
    expect(input.sleep).toHaveBeenCalledTimes(3);
    expect(input.sleep).toHaveBeenCalledWith(MOVE_POLL_INTERVAL_MS);
    expect(sqsMock).toReceiveCommandWith(ListMessageMoveTasksCommand, { SourceArn: DEAD_LETTER.arn });
  });

  it.each<TaskStatus>(['FAILED', 'CANCELLED'])(
    'reports failure with the reason when the task ends %s',
    async (status) => {
      // Prepare
      sqsMock
        .on(ListMessageMoveTasksCommand)
        .resolvesOnce(taskListing('RUNNING', 3))
        .resolves(taskListing(status, 3, { FailureReason: 'AWS.SimpleQueueService.NonExistentQueue' }));
      const input = redriveModeInput();

      // Act
      const completed = await moveMessages(input);

      // Assess
      expect(completed).toBe(false);
      expect(input.output.errors).toEqual([`Move task ${status}: AWS.SimpleQueueService.NonExistentQueue`]);
    },
  );

  it('lets a refused start reject, so the CLI exits non-zero', async () => {
    // Prepare
    sqsMock.on(StartMessageMoveTaskCommand).rejects(new Error('There is already a task running'));

    // Act & Assess
    await expect(moveMessages(redriveModeInput())).rejects.toThrow('already a task running');
    expect(sqsMock).not.toReceiveCommand(ListMessageMoveTasksCommand);
  });
});
