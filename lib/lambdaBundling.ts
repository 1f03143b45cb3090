import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';
import { IMPORTS_FILE, type ImportMapping, serializeImports } from '../contract/importMapping';

/** This package's root, found from this file rather than `process.cwd()`, so another app can bundle it. */
export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..');

/** The handler's source entry point. */
export const HANDLER_ENTRY = path.join(PACKAGE_ROOT, 'lambda', 'index.ts');

/** The bundle's file name in the code asset; the function's handler is `index.handler`. */
export const HANDLER_BUNDLE_FILE = 'index.mjs';

/** The Lambda runtime's Node.js version, for esbuild's syntax lowering. */
export const LAMBDA_NODE_TARGET = 'node24';

/** Parts of the AWS SDK call require(), which an ESM bundle lacks unless given one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/**
 * How every Lambda bundle is built: one ESM file, minified, with the AWS SDK inside (the versions we test are
 * the versions we ship, and a tree-shaken bundle loads faster than the runtime's SDK). The bench bundles its
 * comparison modules with these same options.
 */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LAMBDA_NODE_TARGET,
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  absWorkingDir: PACKAGE_ROOT,
  // A module imported with import() becomes a chunk of its own, loaded on first use: the SQS client, which
  // only failures need, is neither parsed nor run on a successful cold start. Still one esbuild build.
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Writes the function's code asset into `outputDir`: the handler bundle and the import mapping beside it. */
export function bundleHandler(outputDir: string, imports: readonly ImportMapping[]): void {
  mkdirSync(outputDir, { recursive: true });
  buildSync({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: { [path.basename(HANDLER_BUNDLE_FILE, '.mjs')]: HANDLER_ENTRY },
    outdir: outputDir,
  });
  writeFileSync(path.join(outputDir, IMPORTS_FILE), serializeImports(imports));
}
