import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { parseSandboxArgs } from './parseSandboxArgs';
import { runOnce } from './runOnce';

// The tooling runs on Node.js 20, where the SDK warns of its coming Node.js 22 floor; the function runs on 24.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm start -- --once <file> --key <key>`: the pipeline on emulated AWS, one drop, its outcome printed. */
async function main(): Promise<number> {
  let args: ReturnType<typeof parseSandboxArgs>;
  try {
    args = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const config = args.configFile
    ? JSON.parse(readFileSync(path.resolve(args.configFile), 'utf8'))
    : JSON.parse(readFileSync('cdk.json', 'utf8')).context?.[CONFIG_CONTEXT_KEY];
  if (!args.once) return 2;
  const outcome = await runOnce({
    config,
    file: args.once.file,
    key: args.once.key,
    behaviour: args.behaviour,
    print: (line) => console.log(line),
  });
  return outcome === 'triggered' ? 0 : 1;
}

// Ctrl-C ends through process.exit, whose 'exit' hook kills moto and the function's runtimes by PID.
process.once('SIGINT', () => process.exit(130));

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
