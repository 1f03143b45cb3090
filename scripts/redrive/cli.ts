import { setTimeout as sleep } from 'node:timers/promises';
import { createClients } from './createClients';
import { runRedrive } from './runRedrive';

// Setting exitCode rather than calling process.exit lets piped output drain first.
process.exitCode = await runRedrive(process.argv.slice(2), {
  createClients,
  output: console,
  sleep: (milliseconds) => sleep(milliseconds),
});
