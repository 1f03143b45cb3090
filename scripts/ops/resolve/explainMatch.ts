import type { ImportMapping } from '../../../contract/importMapping';
import { createKeyMatcher } from '../../../lambda/mapKeyToImport';

/** What `resolve` says about a key: whether it triggers, and why, in words an operator can act on. */
export interface KeyExplanation {
  readonly triggers: boolean;
  readonly lines: readonly string[];
}

const describe = (mapping: ImportMapping) =>
  `prefix "${mapping.prefix}"${mapping.suffix === undefined ? ', any ending' : `, suffix "${mapping.suffix}"`}` +
  (mapping.settleSeconds === undefined ? '' : `, settles ${mapping.settleSeconds} s`);

/**
 * Explains which import a key (as stored in S3, not URL-encoded) would trigger. The decision is the function's
 * own matcher (`createKeyMatcher`); only the wording around it is made here.
 */
export function explainMatch(imports: readonly ImportMapping[], key: string): KeyExplanation {
  const match = createKeyMatcher(imports)(key);
  if (match.kind === 'import') {
    const { mapping } = match;
    return {
      triggers: true,
      lines: [`"${key}" triggers import ${mapping.uuid}`, `  matched: ${describe(mapping)}`],
    };
  }
  if (match.reason === 'folder-marker') {
    return {
      triggers: false,
      lines: [
        `"${key}" triggers nothing: it ends with "/", a folder marker (what the S3 console's "Create folder" makes)`,
      ],
    };
  }
  if (match.reason === 'suffix-mismatch') {
    const under = imports.filter((mapping) => key.startsWith(mapping.prefix));
    const suffixes = [...new Set(under.map((mapping) => `"${mapping.suffix}"`))].join(', ');
    const prefixes = [...new Set(under.map((mapping) => `"${mapping.prefix}"`))].join(', ');
    return {
      triggers: false,
      lines: [
        `"${key}" triggers nothing: it is under ${prefixes} but does not end with ${suffixes}`,
        '  (suffixes are case-sensitive, as S3 compares them)',
      ],
    };
  }
  const prefixes = [...new Set(imports.map((mapping) => `"${mapping.prefix}"`))].join(', ');
  return {
    triggers: false,
    lines: [
      `"${key}" triggers nothing: it is under no configured prefix`,
      `  prefixes: ${prefixes} (prefixes are case-sensitive and include the trailing "/")`,
    ],
  };
}
