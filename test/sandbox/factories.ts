import type { BatchRecord } from '../../local/sandbox/formatBatch';
import type { FunctionLogLine } from '../../local/sandbox/functionLogs';
import { s3NotificationBody } from '../lambda/factories';

export const DAILY = {
  prefix: 'customers/daily/',
  uuid: '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f',
  suffix: '.csv',
};
export const VIP = { prefix: 'customers/vip/', uuid: '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e' };

/** A message of the batch carrying one S3 notification for `key`. */
export const recordFor = (key: string, messageId: string, receiveCount = 1): BatchRecord => ({
  messageId,
  receiveCount,
  body: s3NotificationBody([key], 'ObjectCreated:Put', 'blueshiftsandbox-drops'),
});

/** A line as the function's Powertools Logger writes it. */
export const logLine = (
  message: string,
  fields: Record<string, unknown> = {},
  requestId = 'req-1',
): FunctionLogLine => ({
  level: 'INFO',
  message,
  timestamp: '2026-12-01T12:00:00.000Z',
  service: 'BlueshiftSandbox-Trigger',
  function_request_id: requestId,
  ...fields,
});

export const triggeredLine = (uuid: string, files = 1, attempts = 1) =>
  logLine('import triggered', { importUuid: uuid, files, status: 200, attempts, verdict: 'triggered' });

/** The function's one line per import for the files an earlier trigger covered. */
export const coveredLine = (uuid: string, keys: string[], triggeredAt = '2026-12-01T11:52:44.120Z') =>
  logLine(`files covered by the trigger at ${triggeredAt}`, {
    importUuid: uuid,
    files: keys.length,
    triggeredAt,
    sampleKeys: keys.slice(0, 5),
  });
