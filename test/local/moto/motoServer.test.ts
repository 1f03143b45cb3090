import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { awsClientConfig, type MotoServer, startMotoServer } from '../../../local/moto/motoServer';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Function: startMotoServer()', () => {
  let moto: MotoServer | undefined;

  afterEach(async () => {
    await moto?.stop();
    moto = undefined;
  });

  it('serves SQS on a loopback endpoint and leaves no process behind once stopped', async () => {
    // Prepare
    moto = await startMotoServer();
    const sqs = new SQSClient(awsClientConfig(moto.endpoint));

    // Act
    const created = await sqs.send(new CreateQueueCommand({ QueueName: 'smoke' }));
    const listed = await sqs.send(new ListQueuesCommand({}));
    const { pid } = moto;
    await moto.stop();

    // Assess
    expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(created.QueueUrl).toMatch(/\/smoke$/);
    expect(listed.QueueUrls).toEqual([created.QueueUrl]);
    expect(isRunning(pid)).toBe(false);
  });

  it('stops idempotently', async () => {
    // Prepare
    moto = await startMotoServer();

    // Act
    await moto.stop();

    // Assess
    await expect(moto.stop()).resolves.toBeUndefined();
  });

  it('fails naming the install command when moto_server cannot be found', async () => {
    // Act
    const starting = startMotoServer({ command: 'moto_server_that_is_not_installed' });

    // Assess
    await expect(starting).rejects.toThrow('pip install "moto[server]"');
  });
});
