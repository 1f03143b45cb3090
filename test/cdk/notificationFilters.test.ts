import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../contract/importMapping';
import { notificationFilters, overlaps, rootPrefixes } from '../../lib/notificationFilters';

let uuidCounter = 0;
/** An import mapping for the prefix, with an arbitrary UUID. */
const mapping = (prefix: string, suffix?: string): ImportMapping => ({
  prefix,
  uuid: `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`,
  ...(suffix === undefined ? {} : { suffix }),
});

describe('Function: notificationFilters()', () => {
  it('passes prefixes that do not overlap through, sorted by prefix', () => {
    // Prepare
    const imports = [mapping('orders/', '.csv'), mapping('customers/')];

    // Act
    const filters = notificationFilters(imports);

    // Assess
    expect(filters).toEqual([{ prefix: 'customers/' }, { prefix: 'orders/', suffix: '.csv' }]);
  });

  it('folds a nested prefix into the shorter root prefix', () => {
    // Act
    const filters = notificationFilters([mapping('imports/vip/'), mapping('imports/')]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/' }]);
  });

  it('treats a prefix that merely starts another as overlapping, as S3 does', () => {
    // Act
    const filters = notificationFilters([mapping('imports-vip/'), mapping('imports')]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports' }]);
  });

  it('keeps the suffix when every folded mapping has the same one', () => {
    // Act
    const filters = notificationFilters([mapping('imports/', '.csv'), mapping('imports/vip/', '.csv')]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/', suffix: '.csv' }]);
  });

  it.each([
    ['a suffix only on the root', '.csv', undefined],
    ['a suffix only on the nested prefix', undefined, '.csv'],
  ])('drops the suffix when the folded mappings have %s', (_case, rootSuffix, nestedSuffix) => {
    // Act
    const filters = notificationFilters([
      mapping('imports/', rootSuffix),
      mapping('imports/vip/', nestedSuffix),
    ]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/' }]);
  });

  it('keeps the shorter suffix when one suffix ends the other', () => {
    // Act
    const filters = notificationFilters([mapping('imports/', '.csv'), mapping('imports/vip/', 'daily.csv')]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/', suffix: '.csv' }]);
  });

  it('keeps one prefix with two suffixes that do not overlap as two filters', () => {
    // Act
    const filters = notificationFilters([mapping('imports/', '.json'), mapping('imports/', '.csv')]);

    // Assess
    expect(filters).toEqual([
      { prefix: 'imports/', suffix: '.csv' },
      { prefix: 'imports/', suffix: '.json' },
    ]);
  });

  it('merges suffixes that overlap once encoded as S3 compares them, keeping no suffix', () => {
    // Act: `+` is written `%2B`, which ends like `2B`; neither raw suffix ends the other.
    const filters = notificationFilters([mapping('imports/', '+'), mapping('imports/', '2B')]);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/' }]);
  });

  it('keeps nested prefixes apart when their suffixes do not overlap', () => {
    // Act
    const filters = notificationFilters([mapping('imports/', '.csv'), mapping('imports/vip/', '.json')]);

    // Assess
    expect(filters).toEqual([
      { prefix: 'imports/', suffix: '.csv' },
      { prefix: 'imports/vip/', suffix: '.json' },
    ]);
  });

  it('merges again when a merge makes a filter overlap one kept before', () => {
    // Prepare: a/b/ + .json is apart from a/ + .csv until a/b/c/ (no suffix) joins it.
    const imports = [mapping('a/', '.csv'), mapping('a/b/', '.json'), mapping('a/b/c/')];

    // Act
    const filters = notificationFilters(imports);

    // Assess
    expect(filters).toEqual([{ prefix: 'a/' }]);
  });

  it('folds three nested levels, keeping the level whose suffix overlaps no other', () => {
    // Prepare
    const imports = [mapping('a/b/c/', '.csv'), mapping('a/', '.csv'), mapping('a/b/', '.json')];

    // Act
    const filters = notificationFilters(imports);

    // Assess
    expect(filters).toEqual([
      { prefix: 'a/', suffix: '.csv' },
      { prefix: 'a/b/', suffix: '.json' },
    ]);
  });

  it('returns filters no two of which overlap, for many nested mappings', () => {
    // Prepare
    const imports = ['x/', 'x/a/', 'x/a/b/', 'y/', 'y/z/'].flatMap((prefix, index) => [
      mapping(prefix, index % 2 ? '.csv' : undefined),
      mapping(prefix, '.json'),
    ]);

    // Act
    const filters = notificationFilters(imports);

    // Assess
    for (const [index, filter] of filters.entries()) {
      for (const other of filters.slice(index + 1)) expect(overlaps(filter, other)).toBe(false);
    }
    expect(filters.length).toBeGreaterThan(0);
  });

  it('keeps siblings under a common parent separate when the parent is not configured', () => {
    // Prepare
    const imports = [
      mapping('imports/vip/', '.csv'),
      mapping('imports/daily/'),
      mapping('imports/daily/eu/'),
    ];

    // Act
    const filters = notificationFilters(imports);

    // Assess
    expect(filters).toEqual([{ prefix: 'imports/daily/' }, { prefix: 'imports/vip/', suffix: '.csv' }]);
  });

  it('returns the same filters whatever the order of the imports', () => {
    // Prepare
    const imports = [mapping('b/'), mapping('a/x/'), mapping('c/', '.csv'), mapping('a/')];

    // Act
    const forwards = notificationFilters(imports);
    const backwards = notificationFilters([...imports].reverse());

    // Assess
    expect(backwards).toEqual(forwards);
    expect(forwards.map((filter) => filter.prefix)).toEqual(['a/', 'b/', 'c/']);
  });
});

describe('Function: rootPrefixes()', () => {
  it('keeps each prefix not under another once, in code-unit order', () => {
    // Act
    const roots = rootPrefixes(['imports/vip/', 'b/', 'imports/', 'imports/', 'a/x/', 'imports/vip/2024/']);

    // Assess
    expect(roots).toEqual(['a/x/', 'b/', 'imports/']);
  });
});
