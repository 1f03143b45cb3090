import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes of every module file a bundle is made of: its entry and the chunks beside it (the imports file aside). */
export function bundleBytes(bundlePath: string): number {
  const directory = path.dirname(bundlePath);
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .reduce((total, file) => total + statSync(path.join(directory, file)).size, 0);
}
