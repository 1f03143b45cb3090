import { readFileSync } from 'node:fs';
import path from 'node:path';
import { confirmOnTerminal } from '../../scripts/confirmOnTerminal';

// The SDK warns that its Node 20 support ends; a local tool need not repeat that. Set before the SDK loads.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runSandboxCli } = await import('./runSandboxCli');

// Until the sandbox runs, and a second time, Ctrl-C exits at once (the 'exit' hook ends moto by PID); while it
// runs, the first one stops it cleanly, summary first.
let whenInterrupted: (() => void) | undefined;
const interrupted = () => {
  const stop = whenInterrupted;
  whenInterrupted = undefined;
  if (stop) stop();
  else process.exit(130);
};
process.on('SIGINT', interrupted).on('SIGTERM', interrupted);

const confirm = confirmOnTerminal;

process.exitCode = await runSandboxCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  print: (line) => console.log(line),
  error: (line) => console.error(line),
  confirm,
  // npm runs scripts in the package root; a path typed on the command line is meant from where it was typed.
  readFile: (file) => readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file)),
  onInterrupt: (stop) => {
    whenInterrupted = stop;
  },
});
