/** What the sandbox prints around the event lines. Pure. */

export interface BannerFacts {
  readonly endpoint: string;
  readonly bucket: string;
  readonly folder: string;
  readonly stackName: string;
  readonly imports: readonly { readonly prefix: string; readonly uuid: string; readonly suffix?: string }[];
  /** `stand-in (…)` or `LIVE …`. */
  readonly blueshift: string;
  readonly timing: string;
  readonly awsEnvironment: Readonly<Record<string, string>>;
}

const CREDENTIALS = ['AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
const assignments = (environment: Readonly<Record<string, string>>, names: readonly string[]) =>
  names.map((name) => `${name}=${environment[name] ?? ''}`).join(' ');

/** moto has no SQS message move tasks, so a redrive against it copies (`--copy`). */
export const redriveCommand = (stackName: string) => `npm run ops -- redrive --copy --stack ${stackName}`;

/** The lines that say what runs where, and the exact commands that reach it. */
export function formatBanner(facts: BannerFacts): string[] {
  const credentials = assignments(facts.awsEnvironment, CREDENTIALS);
  const env = assignments(facts.awsEnvironment, ['AWS_ENDPOINT_URL', ...CREDENTIALS]);
  return [
    `moto (emulated AWS) on ${facts.endpoint}; bucket ${facts.bucket}; Blueshift: ${facts.blueshift}`,
    `imports: ${facts.imports.map((mapping) => `${mapping.prefix}${mapping.suffix ? `*${mapping.suffix}` : ''} → ${mapping.uuid}`).join('; ')}`,
    `timing: ${facts.timing}`,
    `drop files into ${facts.folder} (uploaded under the same key), or:`,
    `  ${credentials} aws s3 cp <file> s3://${facts.bucket}/<key> --endpoint-url ${facts.endpoint}`,
    'ops against this sandbox:',
    `  ${env} npm run ops -- status --stack ${facts.stackName}`,
    `  ${env} ${redriveCommand(facts.stackName)}`,
  ];
}

export interface SessionCounts {
  readonly files: number;
  readonly triggers: number;
  readonly blueshiftCalls: number;
  /** Runs the stand-in started; undefined when live. */
  readonly runs?: number;
  readonly covered: number;
  readonly retried: number;
  readonly deadLetters: number;
}

/** The closing summary. */
export function formatSummary(counts: SessionCounts): string {
  const runs = counts.runs === undefined ? '' : `, ${counts.runs} import run(s) started`;
  return (
    `summary: ${counts.files} file(s), ${counts.triggers} trigger(s) from ${counts.blueshiftCalls} Blueshift call(s)${runs}, ` +
    `${counts.covered} covered, ${counts.retried} retried receive(s), ${counts.deadLetters} in the dead-letter queue`
  );
}

/** A change in the dead-letter queue's message count. */
export function deadLetterChange(before: number, after: number, stackName: string): string {
  if (after > before) {
    return `dead-letter queue: ${after} message(s) (+${after - before}); redrive with ${redriveCommand(stackName)}`;
  }
  return `dead-letter queue: ${after} message(s) (${after - before}: redriven or removed)`;
}
