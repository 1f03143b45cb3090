import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../lib/config/schema';
import { notificationFilters } from '../../lib/notificationFilters';

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
    ['different suffixes', '.csv', '_SUCCESS'],
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

  it('folds three nested levels into the outermost prefix', () => {
    // Prepare
    const imports = [mapping('a/b/c/', '.csv'), mapping('a/', '.csv'), mapping('a/b/', '.json')];

    // Act
    const filters = notificationFilters(imports);

    // Assess
    expect(filters).toEqual([{ prefix: 'a/' }]);
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
