/** How the Blueshift stand-in answers, as the command line asks. */
export interface StandInFlags {
  /** Share of triggers answered 503, 0..1. @default 0 */
  readonly failShare: number;
  /** Every trigger gets 405, as if the import were always being processed. */
  readonly busy: boolean;
  /** One trigger per 10 s is admitted; the others get 429 with Retry-After. */
  readonly rateLimit: boolean;
  /** How long a run lasts; a trigger during a run gets 405. @default 0 (never busy) */
  readonly runSeconds: number;
}

/** What `npm start -- …` asked for. */
export interface SandboxArgs {
  /** `-c key=value` pairs, passed to the app's context as `cdk synth -c` would. */
  readonly context: readonly string[];
  /** `--config path.json`: the same as `-c blueshiftImportTriggerFile=path.json`. */
  readonly configFile?: string;
  /** Drop this one file, wait until the queue is drained, and exit. */
  readonly once?: { readonly file: string; readonly key: string };
  /** The folder watched for files to upload. @default ./sandbox/<bucket>/ */
  readonly folder?: string;
  readonly standIn: StandInFlags;
  /** Call the real Blueshift API (BLUESHIFT_API_KEY) instead of the stand-in. */
  readonly live: boolean;
  /** With --live: skip the confirmation prompt. */
  readonly yes: boolean;
  /** With --once: give up after this many seconds. @default 120 */
  readonly timeoutSeconds: number;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: SandboxArgs }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly problems: readonly string[] };

export const USAGE = `Usage: npm start -- [options]

Runs the trigger locally: moto stands in for AWS, the bundled function runs behind a local SQS event source,
and files written under the watched folder are uploaded to the emulated bucket.

  -c key=value          CDK context, as cdk synth -c takes it (repeatable)
  --config path.json    the app's config file (same as -c blueshiftImportTriggerFile=path.json)
  --once <file> --key <key>
                        upload one file under <key>, wait until the queue is drained, print, exit
                        (exit 1 when a message ended in the dead-letter queue or nothing happened)
  --folder <dir>        folder to watch, from the app directory (default ./sandbox/<bucket>/)
  --run-seconds N       stand-in: an import run lasts N s; a trigger during a run gets 405 (default 0)
  --fail N%             stand-in: answer N% of triggers with 503
  --busy                stand-in: answer every trigger with 405 (the import is always being processed)
  --rate-limit          stand-in: admit one trigger per 10 s; answer the others 429 with Retry-After
  --live                call the real Blueshift API with BLUESHIFT_API_KEY (asks first)
  --yes                 with --live: do not ask
  --timeout N           with --once: give up after N s (default 120)
  -h, --help            this text`;

const DEFAULT_TIMEOUT_SECONDS = 120;

/** Reads the sandbox's command line; every problem is reported at once. Pure. */
export function parseSandboxArgs(argv: readonly string[]): ParsedArgs {
  const problems: string[] = [];
  const context: string[] = [];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const valued = new Set(['--config', '--once', '--key', '--folder', '--run-seconds', '--fail', '--timeout']);
  const flags = new Set(['--busy', '--rate-limit', '--live', '--yes']);
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitAt(arg, '=') : [arg, undefined];
    if (name === '-c' || name === '--context') {
      const pair = inline ?? argv[++index];
      if (pair === undefined || !/^[^=]+=/.test(pair)) problems.push(`${name}: expected key=value`);
      else context.push(pair);
    } else if (valued.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith('--')) problems.push(`${name}: needs a value`);
      else values[name] = value;
    } else if (flags.has(name)) switches.add(name);
    else problems.push(`unknown option ${arg} (see --help)`);
  }
  const number = (name: string, fallback: number, max: number) => {
    const text = values[name];
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0 || value > max)
      problems.push(`${name}: expected 0..${max}, got ${text}`);
    return value;
  };
  const failShare = parseShare(values['--fail'], problems);
  const runSeconds = number('--run-seconds', 0, 86_400);
  const timeoutSeconds = number('--timeout', DEFAULT_TIMEOUT_SECONDS, 3_600);
  const once = values['--once'];
  const key = values['--key'];
  if ((once === undefined) !== (key === undefined)) problems.push('--once and --key go together');
  if (key !== undefined && (key.startsWith('/') || key === ''))
    problems.push('--key: an S3 key, without a leading /');
  if (switches.has('--yes') && !switches.has('--live')) problems.push('--yes applies to --live only');
  if (
    switches.has('--live') &&
    (failShare > 0 || switches.has('--busy') || switches.has('--rate-limit') || runSeconds > 0)
  )
    problems.push(
      '--live calls the real API: the stand-in flags (--fail, --busy, --rate-limit, --run-seconds) do not apply',
    );
  if (problems.length > 0) return { kind: 'error', problems };
  return {
    kind: 'run',
    args: {
      context,
      ...(values['--config'] === undefined ? {} : { configFile: values['--config'] }),
      ...(once !== undefined && key !== undefined ? { once: { file: once, key } } : {}),
      ...(values['--folder'] === undefined ? {} : { folder: values['--folder'] }),
      standIn: {
        failShare,
        busy: switches.has('--busy'),
        rateLimit: switches.has('--rate-limit'),
        runSeconds,
      },
      live: switches.has('--live'),
      yes: switches.has('--yes'),
      timeoutSeconds,
    },
  };
}

function splitAt(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** `30%`, `30` or `0.3` → 0.3. */
function parseShare(text: string | undefined, problems: string[]): number {
  if (text === undefined) return 0;
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text);
  const share = percent || value > 1 ? value / 100 : value;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    problems.push(`--fail: expected a share like 30% (0..100%), got ${text}`);
    return 0;
  }
  return share;
}
