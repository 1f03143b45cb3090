import type { ImportMapping } from '../contract/importMapping';
import { encodeFilterValue } from './s3FilterValue';

/** One key filter (raw text, not URL-encoded); shaped like `s3.NotificationKeyFilter`. */
export interface NotificationFilter {
  /** Key prefix the notification matches. */
  readonly prefix: string;
  /** Key suffix the notification matches. @default - any key under the prefix */
  readonly suffix?: string;
}

/**
 * Turns import mappings into key filters no two of which overlap, judged on the raw text.
 *
 * S3 rejects a notification configuration with "overlapping prefixes ... unless the overlapping prefixes are
 * used with suffixes that do not overlap" (S3 User Guide, "Configuring event notifications using object key
 * name filtering", https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html).
 * Overlapping filters are merged into one (the shorter prefix, the shorter suffix when one ends the other)
 * until none overlap; the function's own matching routes each key to its import later. Disjoint filters also
 * mean a key matches at most one filter, so no file is delivered twice. Sorted by prefix, then suffix.
 */
export function notificationFilters(imports: readonly ImportMapping[]): NotificationFilter[] {
  let filters: NotificationFilter[] = imports.map(({ prefix, suffix }) => filterOf(prefix, suffix));
  let merged = true;
  while (merged) {
    merged = false;
    const next: NotificationFilter[] = [];
    for (const filter of filters) {
      const index = next.findIndex((kept) => overlaps(kept, filter));
      const kept = index === -1 ? undefined : next[index];
      if (kept === undefined) next.push(filter);
      else {
        next[index] = mergeFilters(kept, filter);
        merged = true;
      }
    }
    filters = next;
  }
  return filters.sort((a, b) => compare(a.prefix, b.prefix) || compare(a.suffix ?? '', b.suffix ?? ''));
}

/** S3's overlap rule: one prefix starts the other, and one suffix ends the other or either is absent. */
export function overlaps(a: NotificationFilter, b: NotificationFilter): boolean {
  return nested(a.prefix, b.prefix, (x, y) => x.startsWith(y)) && suffixesOverlap(a.suffix, b.suffix);
}

/**
 * S3 compares the encoded filter values, and encoding keeps prefixes nested but not endings (`+` becomes
 * `%2B`, which ends like `2B`), so suffixes are judged both ways.
 */
function suffixesOverlap(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const endsWith = (x: string, y: string) => x.endsWith(y);
  return nested(a, b, endsWith) || nested(encodeFilterValue(a), encodeFilterValue(b), endsWith);
}

function nested(a: string, b: string, contains: (longer: string, shorter: string) => boolean): boolean {
  return contains(a, b) || contains(b, a);
}

function mergeFilters(a: NotificationFilter, b: NotificationFilter): NotificationFilter {
  const prefix = a.prefix.length <= b.prefix.length ? a.prefix : b.prefix;
  // The merged filter must take every key either takes: a suffix only when one raw suffix ends the other.
  if (
    a.suffix === undefined ||
    b.suffix === undefined ||
    !nested(a.suffix, b.suffix, (x, y) => x.endsWith(y))
  )
    return filterOf(prefix, undefined);
  return filterOf(prefix, a.suffix.length <= b.suffix.length ? a.suffix : b.suffix);
}

function filterOf(prefix: string, suffix: string | undefined): NotificationFilter {
  return suffix === undefined ? { prefix } : { prefix, suffix };
}

/**
 * The prefixes without those under another one, in code-unit order: what names every mapped key at least once
 * (a bucket policy, a prefix-only rule) while no key falls under two of them.
 */
export function rootPrefixes(prefixes: readonly string[]): string[] {
  const roots: string[] = [];
  // Sorted, every prefix that extends a root comes right after it, before the next root.
  for (const prefix of [...new Set(prefixes)].sort(compare)) {
    const root = roots.at(-1);
    if (root === undefined || !prefix.startsWith(root)) roots.push(prefix);
  }
  return roots;
}

/** Code-unit order, independent of locale, so synth output is the same everywhere. */
function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
