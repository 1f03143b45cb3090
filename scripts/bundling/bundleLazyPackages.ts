import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { LAZY_PACKAGES, lazyPackageBuildOptions } from '../../lib/lambdaBundling';

// Run by the function's afterBundling hook during `cdk synth`: `tsx scripts/bundling/bundleLazyPackages.ts ASSET_DIR`.
const [assetDir] = process.argv.slice(2);
if (!assetDir) {
  console.error('usage: tsx scripts/bundling/bundleLazyPackages.ts ASSET_DIR');
  process.exit(2);
}
for (const name of LAZY_PACKAGES) {
  await build(lazyPackageBuildOptions(name, assetDir));
  const packageJson = { name, private: true, type: 'module', exports: './index.mjs' };
  writeFileSync(
    path.join(assetDir, 'node_modules', name, 'package.json'),
    `${JSON.stringify(packageJson)}\n`,
  );
}
