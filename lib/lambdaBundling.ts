import path from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The Lambda runtime's Node.js version, for esbuild's syntax lowering. */
export const LAMBDA_NODE_TARGET = 'node24';

/** Parts of the AWS SDK call require(), which an ESM bundle lacks unless given one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * Packages only the failure path needs (the SQS client sets retry delays). Each is bundled on its own into the
 * asset's node_modules and imported lazily, so its code is neither parsed nor run on the cold start of a
 * successful trigger, while the version shipped is still the one locked and tested here.
 */
export const LAZY_PACKAGES = ['@aws-sdk/client-sqs'] as const;

/** esbuild options that bundle one lazy package as `node_modules/<name>/index.mjs` under `assetDir`. */
export function lazyPackageBuildOptions(name: string, assetDir: string): BuildOptions {
  return {
    entryPoints: [name],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: LAMBDA_NODE_TARGET,
    minify: true,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    outfile: path.join(assetDir, 'node_modules', name, 'index.mjs'),
    logLevel: 'warning',
  };
}
