/**
 * The messages of the log lines that say what a batch did, in one place: the function writes them and the local
 * sandbox (`npm start`) reads them back to print one line per file, so a reworded message cannot silently break it.
 */
export const LOG_MESSAGES = {
  batchDone: 'batch done',
  importTriggered: 'import triggered',
  importNotTriggered: 'import not triggered; files will be retried',
  /** Followed by the covering trigger's send time (ISO 8601). */
  filesCoveredPrefix: 'files covered by the trigger at ',
  importBusyWaits: 'import busy: files wait without a call',
  importSettlingWaits: 'import settling: files wait without a call',
  lastReceiveFailed: 'last receive failed: message moves to the dead-letter queue',
} as const;
