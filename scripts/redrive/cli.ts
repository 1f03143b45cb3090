import { setTimeout as sleep } from 'node:timers/promises';

// The SDK warns on every run that its Node 20 support ends; an operator's tool need not repeat that. The SDK
// reads this when a client is made; the modules below load after it is set (a static import would run first).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { createClients } = await import('./createClients');
const { runRedrive } = await import('./runRedrive');

// Setting exitCode rather than calling process.exit lets piped output drain first.
process.exitCode = await runRedrive(process.argv.slice(2), {
  createClients,
  output: console,
  sleep: (milliseconds) => sleep(milliseconds),
  env: process.env,
});
