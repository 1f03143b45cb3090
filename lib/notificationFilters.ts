import type { ImportMapping } from './config/schema';

/** One S3 event notification key filter; shaped like `s3.NotificationKeyFilter`. */
export interface NotificationFilter {
  /** Key prefix the notification matches. */
  readonly prefix: string;
  /** Key suffix the notification matches. @default - any key under the prefix */
  readonly suffix?: string;
}

/**
 * Turns import mappings into S3 notification filters that never overlap.
 *
 * S3 rejects two filters for the same event whose prefixes overlap ("Configuration is ambiguously defined"),
 * so a prefix nested under another configured prefix is folded into that root; the Lambda's longest-prefix
 * match routes the key later. A root keeps a suffix only when every mapping under it has that same suffix.
 * Filters come out sorted by prefix.
 */
export function notificationFilters(imports: readonly ImportMapping[]): NotificationFilter[] {
  const sorted = [...imports].sort((a, b) => compare(a.prefix, b.prefix));
  const groups: ImportMapping[][] = [];
  for (const mapping of sorted) {
    // Sorted order puts every prefix right after the shortest configured prefix it extends.
    const current = groups.at(-1);
    const root = current?.[0];
    if (current && root && mapping.prefix.startsWith(root.prefix)) current.push(mapping);
    else groups.push([mapping]);
  }
  return groups.map(toFilter);
}

function toFilter(group: readonly ImportMapping[]): NotificationFilter {
  const [root, ...nested] = group as [ImportMapping, ...ImportMapping[]];
  const sharedSuffix = nested.every((mapping) => mapping.suffix === root.suffix) ? root.suffix : undefined;
  return sharedSuffix === undefined ? { prefix: root.prefix } : { prefix: root.prefix, suffix: sharedSuffix };
}

/** Code-unit order, independent of locale, so synth output is the same everywhere. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
