import type { BuildOptions } from 'esbuild';
import { LAMBDA_BUNDLE_OPTIONS as SHIPPED_OPTIONS } from '../lib/lambdaBundling';

/**
 * The esbuild options the function's code asset is bundled with (lib/lambdaBundling.ts), so a module bundled
 * here loads the way the shipped handler does: one ESM file, minified, the AWS SDK inside. Only the log
 * level differs: the bench prints its own report.
 */
export const LAMBDA_BUNDLE_OPTIONS = {
  ...SHIPPED_OPTIONS,
  logLevel: 'silent',
} as const satisfies BuildOptions;
