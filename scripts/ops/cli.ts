import { setTimeout as sleep } from 'node:timers/promises';
import { confirmOnTerminal } from '../confirmOnTerminal';

// The SDK warns on every run that its Node 20 support ends; an operator's tool need not repeat that. The SDK
// reads this when a client is made; the modules below load after it is set (a static import would run first).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { createOpsClients } = await import('./createOpsClients');
const { runOps } = await import('./runOps');

const confirm = confirmOnTerminal;

// Setting exitCode rather than calling process.exit lets piped output drain first.
process.exitCode = await runOps(process.argv.slice(2), {
  createClients: createOpsClients,
  output: console,
  sleep: (milliseconds) => sleep(milliseconds),
  env: process.env,
  now: Date.now,
  confirm,
  cwd: process.cwd(),
});
