import { createInterface } from 'node:readline/promises';
import { setTimeout as sleep } from 'node:timers/promises';

// The SDK warns on every run that its Node 20 support ends; an operator's tool need not repeat that. The SDK
// reads this when a client is made; the modules below load after it is set (a static import would run first).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { createOpsClients } = await import('./createOpsClients');
const { runOps } = await import('./runOps');

/** A yes/no question on the terminal; none when standard input is a pipe or a file. */
const confirm = process.stdin.isTTY
  ? async (question: string) => {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
      } finally {
        terminal.close();
      }
    }
  : undefined;

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
