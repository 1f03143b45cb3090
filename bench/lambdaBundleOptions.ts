import type { BuildOptions } from 'esbuild';
import { ESM_REQUIRE_BANNER, LAMBDA_NODE_TARGET, LAZY_PACKAGES } from '../lib/lambdaBundling';

/**
 * The esbuild options NodejsFunction passes for lib/createTriggerFunction.ts, so a module bundled here loads
 * the way the shipped handler does: ESM, minified, SDK bundled, the lazy packages left out of the main bundle.
 */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  target: LAMBDA_NODE_TARGET,
  platform: 'node',
  format: 'esm',
  minify: true,
  mainFields: ['module', 'main'],
  external: [...LAZY_PACKAGES],
  banner: { js: ESM_REQUIRE_BANNER },
  logLevel: 'silent',
} as const satisfies BuildOptions;
