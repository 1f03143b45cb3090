import type { StandInBehaviour } from '../blueshift/standInBehaviour';

/** What `npm start -- …` asked for. */
export interface SandboxArgs {
  /** A JSON config file; else cdk.json's context. */
  readonly configFile?: string;
  /** Drop this local file once, print its outcome and exit. */
  readonly once?: { readonly file: string; readonly key: string };
  /** How the built-in Blueshift stand-in answers. */
  readonly behaviour: StandInBehaviour;
}

/** The usage line, printed with any argument error. */
export const SANDBOX_USAGE =
  'usage: npm start -- --once <file> --key <key> [--config <path.json>] [--run-seconds N] [--fail N%] [--busy] [--rate-limit]';

/** `--rate-limit` alone: one call per 10 s, enough to see a 429 with Retry-After. */
const DEFAULT_RATE_LIMIT = { calls: 1, perSeconds: 10 } as const;

/** Parses the sandbox's arguments; throws one error listing every problem. */
export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const problems: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--busy' || arg === '--rate-limit') flags.add(arg);
    else if (['--once', '--key', '--config', '--run-seconds', '--fail'].includes(arg)) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) problems.push(`${arg} needs a value`);
      else values.set(arg, value);
      index++;
    } else problems.push(`unknown argument ${arg}`);
  }
  const file = values.get('--once');
  const key = values.get('--key');
  if ((file === undefined) !== (key === undefined)) problems.push('--once and --key go together');
  if (file === undefined)
    problems.push('--once <file> --key <key> is required (the interactive sandbox is not built yet)');
  const behaviour: { -readonly [K in keyof StandInBehaviour]: StandInBehaviour[K] } = {};
  const runSeconds = values.get('--run-seconds');
  if (runSeconds !== undefined) {
    if (!/^\d+$/.test(runSeconds)) problems.push('--run-seconds must be a whole number of seconds');
    behaviour.runSeconds = Number(runSeconds);
  }
  const fail = values.get('--fail');
  if (fail !== undefined) {
    const percent = /^(\d{1,3})%?$/.exec(fail)?.[1];
    if (percent === undefined || Number(percent) > 100)
      problems.push('--fail must be a share from 0% to 100%');
    behaviour.fail = { share: Number(percent ?? 0) / 100 };
  }
  if (flags.has('--busy')) behaviour.busy = true;
  if (flags.has('--rate-limit')) behaviour.rateLimit = DEFAULT_RATE_LIMIT;
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${SANDBOX_USAGE}`);
  const configFile = values.get('--config');
  return {
    ...(configFile === undefined ? {} : { configFile }),
    ...(file !== undefined && key !== undefined ? { once: { file, key } } : {}),
    behaviour,
  };
}
