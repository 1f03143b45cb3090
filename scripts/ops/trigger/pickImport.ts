import type { ImportMapping } from '../../../contract/importMapping';
import { OpsError } from '../errors';

/** The import to trigger and the mappings (prefixes) that lead to it. */
export interface PickedImport {
  readonly uuid: string;
  readonly mappings: readonly ImportMapping[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Finds the import an operator named, by its UUID or by a configured prefix (with or without the trailing "/"),
 * among the deployed mappings only, so a typo triggers nothing.
 */
export function pickImport(imports: readonly ImportMapping[], target: string): PickedImport {
  const given = target.trim();
  const known = () => imports.map((mapping) => `${mapping.prefix} -> ${mapping.uuid}`).join(', ') || 'none';
  if (UUID.test(given)) {
    const uuid = given.toLowerCase();
    const mappings = imports.filter((mapping) => mapping.uuid === uuid);
    if (mappings.length === 0) {
      throw new OpsError(`import ${uuid} is not in the deployed config (it has: ${known()})`);
    }
    return { uuid, mappings };
  }
  const prefixes = new Set([given, given.endsWith('/') ? given : `${given}/`]);
  const mappings = imports.filter((mapping) => prefixes.has(mapping.prefix));
  const uuids = [...new Set(mappings.map((mapping) => mapping.uuid))];
  const [uuid, ...others] = uuids;
  if (uuid === undefined) {
    throw new OpsError(`"${given}" is neither an import UUID nor a configured prefix (it has: ${known()})`);
  }
  if (others.length > 0) {
    throw new OpsError(
      `prefix "${given}" leads to ${uuids.length} imports by suffix (${uuids.join(', ')}): give the UUID`,
    );
  }
  return { uuid, mappings };
}
