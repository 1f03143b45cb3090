import type { ImportMapping } from '../../../contract/importMapping';
import { UsageError } from '../errors';
import { onePositional, parseCommandArgs, type StackOptions } from '../parseCommandArgs';
import type { OpsCommand } from '../runCommand';
import { deployedImports } from './deployedImports';
import { explainMatch } from './explainMatch';
import { localImports } from './localImports';

export interface ResolveOptions {
  readonly stack: StackOptions;
  readonly key: string;
  readonly local: boolean;
  readonly context: readonly string[];
  readonly configFile?: string;
}

export const RESOLVE_USAGE = `Usage: npm run ops -- resolve KEY [--stack NAME] [--region R]
       npm run ops -- resolve KEY --local [--config FILE.json] [-c KEY=VALUE ...]

Says which import an S3 object key (as stored, not URL-encoded) would trigger, and why or why not: the prefix
and suffix it matched, a folder marker, a suffix that differs, or no prefix at all. The decision is made by
the function's own matcher.

  (default)           Under the deployed config: the mappings in the stack's template (the function's metadata).
  --local             Under the config 'cdk synth' would use here, no AWS needed: cdk.json's context, with
                      --config FILE.json (same as -c blueshiftImportTriggerFile=FILE.json) and -c over it.
  --stack NAME        Stack to read (default: BlueshiftImportTrigger)
  --region R          AWS region (default: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's)
  -h, --help          Show this help

Exit codes: 0 answered (whether or not the key triggers), 1 failed, 2 usage error.`;

export function parseResolveArgs(argv: readonly string[]): ResolveOptions {
  const { stack, values, positionals } = parseCommandArgs(argv, {
    local: { type: 'boolean' },
    config: { type: 'string' },
    context: { type: 'string', short: 'c', multiple: true },
  });
  if (stack.help) return { stack, key: '', local: false, context: [] };
  const local = values.local === true;
  const context = (values.context as string[] | undefined) ?? [];
  const configFile = values.config as string | undefined;
  if (!local && (context.length > 0 || configFile !== undefined)) {
    throw new UsageError('--config and -c read a local config: add --local');
  }
  if (local && (values.stack !== undefined || values.region !== undefined)) {
    throw new UsageError('--local reads no stack: drop --stack and --region');
  }
  return {
    stack,
    key: onePositional(positionals, 'KEY'),
    local,
    context,
    ...(configFile === undefined ? {} : { configFile }),
  };
}

export const resolveCommand: OpsCommand<ResolveOptions> = {
  name: 'resolve',
  usage: RESOLVE_USAGE,
  parse: parseResolveArgs,
  run: async ({ options, clients, deps }) => {
    const { output } = deps;
    let imports: readonly ImportMapping[];
    if (options.local) {
      const found = localImports({
        cwd: deps.cwd,
        context: options.context,
        ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      });
      for (const warning of found.warnings) output.error(`warning: ${warning}`);
      imports = found.imports;
      output.log(`Under the local config (${imports.length} mapping(s), as cdk synth would deploy it):`);
    } else {
      imports = await deployedImports(clients().cloudFormation, options.stack.stackName);
      output.log(
        `Under the deployed config of stack ${options.stack.stackName} (${imports.length} mapping(s)):`,
      );
    }
    for (const line of explainMatch(imports, options.key).lines) output.log(line);
    return true;
  },
};
