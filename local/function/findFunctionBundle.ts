import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FoundResource } from '../provision/findStackResources';

/** The file Lambda would load and the export it would call. */
export interface FunctionBundle {
  /** The unpacked code asset: Lambda's task root, where files shipped beside the handler live. */
  readonly codeDirectory: string;
  readonly moduleFile: string;
  readonly exportName: string;
}

/** Extensions the Node.js runtime tries for a handler module. */
const MODULE_EXTENSIONS = ['.mjs', '.js', '.cjs'];

/**
 * Finds the bundle synthesis produced for a function: its Code points at an asset (`<hash>.zip`), the asset
 * manifest maps that hash to a folder, and `Handler` (`index.handler`) names the module and its export.
 */
export function findFunctionBundle(
  fn: FoundResource,
  assetFolders: ReadonlyMap<string, string>,
): FunctionBundle {
  const s3Key = String(fn.properties.Code?.S3Key ?? '');
  const folder = assetFolders.get(s3Key.replace(/\.zip$/, ''));
  if (!folder) throw new Error(`function ${fn.logicalId}'s code (${s3Key || 'inline'}) is not a file asset`);
  const handler = String(fn.properties.Handler ?? '');
  const dot = handler.lastIndexOf('.');
  const moduleName = handler.slice(0, dot);
  const moduleFile = MODULE_EXTENSIONS.map((extension) =>
    path.join(folder, `${moduleName}${extension}`),
  ).find((file) => existsSync(file));
  if (dot < 1 || !moduleFile) throw new Error(`no module for handler "${handler}" in ${folder}`);
  return { codeDirectory: folder, moduleFile, exportName: handler.slice(dot + 1) };
}
