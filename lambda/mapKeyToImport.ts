import type { ImportMapping } from '../lib/config/schema';

/** Why a key starts no import, or the import it starts. */
export type KeyMatch =
  | { readonly kind: 'import'; readonly mapping: ImportMapping }
  | { readonly kind: 'ignored'; readonly reason: 'folder-marker' | 'no-prefix' | 'suffix-mismatch' };

/** Builds a matcher where the longest matching prefix wins, then its suffix (if any) must match. */
export function createKeyMatcher(imports: readonly ImportMapping[]): (key: string) => KeyMatch {
  const longestFirst = [...imports].sort((a, b) => b.prefix.length - a.prefix.length);
  return (key) => {
    if (key.endsWith('/')) return { kind: 'ignored', reason: 'folder-marker' };
    const mapping = longestFirst.find((candidate) => key.startsWith(candidate.prefix));
    if (!mapping) return { kind: 'ignored', reason: 'no-prefix' };
    if (mapping.suffix !== undefined && !key.endsWith(mapping.suffix)) {
      return { kind: 'ignored', reason: 'suffix-mismatch' };
    }
    return { kind: 'import', mapping };
  };
}
