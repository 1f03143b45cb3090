import type { ImportMapping } from '../contract/importMapping';

/** Why a key starts no import, or the import it starts. */
export type KeyMatch =
  | { readonly kind: 'import'; readonly mapping: ImportMapping }
  | { readonly kind: 'ignored'; readonly reason: 'folder-marker' | 'no-prefix' | 'suffix-mismatch' };

const suffixLength = (mapping: ImportMapping) => mapping.suffix?.length ?? 0;

/**
 * Builds a matcher: among the mappings whose prefix and suffix both match the key, the longest prefix wins,
 * then the longest suffix. A key under a prefix whose suffixes all differ is a suffix mismatch.
 */
export function createKeyMatcher(imports: readonly ImportMapping[]): (key: string) => KeyMatch {
  const mostSpecificFirst = [...imports].sort(
    (a, b) => b.prefix.length - a.prefix.length || suffixLength(b) - suffixLength(a),
  );
  return (key) => {
    if (key.endsWith('/')) return { kind: 'ignored', reason: 'folder-marker' };
    const underPrefix = mostSpecificFirst.filter((candidate) => key.startsWith(candidate.prefix));
    if (underPrefix.length === 0) return { kind: 'ignored', reason: 'no-prefix' };
    const mapping = underPrefix.find(
      (candidate) => candidate.suffix === undefined || key.endsWith(candidate.suffix),
    );
    return mapping ? { kind: 'import', mapping } : { kind: 'ignored', reason: 'suffix-mismatch' };
  };
}
