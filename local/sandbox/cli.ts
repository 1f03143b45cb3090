import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { parseSandboxArgs } from './parseSandboxArgs';
import { runOnce } from './runOnce';

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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
