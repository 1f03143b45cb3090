import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../contract/importMapping';
import { explainMatch } from '../../../scripts/ops/resolve/explainMatch';

const IMPORTS: readonly ImportMapping[] = [
  { prefix: 'customers/', uuid: 'uuid-any' },
  { prefix: 'customers/daily/', uuid: 'uuid-csv', suffix: '.csv', settleSeconds: 60 },
  { prefix: 'orders/', uuid: 'uuid-json', suffix: '.json' },
  { prefix: 'orders/', uuid: 'uuid-gz', suffix: '.json.gz' },
];

describe('Function: explainMatch()', () => {
  it('names the import of the longest matching prefix, with its suffix and settle time', () => {
    // Act
    const explained = explainMatch(IMPORTS, 'customers/daily/a.csv');

    // Assess
    expect(explained).toEqual({
      triggers: true,
      lines: [
        '"customers/daily/a.csv" triggers import uuid-csv',
        '  matched: prefix "customers/daily/", suffix ".csv", settles 60 s',
      ],
    });
  });

  it('falls back to a shorter prefix as the function does when the longer one’s suffix differs', () => {
    expect(explainMatch(IMPORTS, 'customers/daily/a.txt').lines[0]).toBe(
      '"customers/daily/a.txt" triggers import uuid-any',
    );
  });

  it('lists the suffixes a key under a prefix fails to end with', () => {
    // Act
    const explained = explainMatch(IMPORTS, 'orders/2024.csv');

    // Assess
    expect(explained.triggers).toBe(false);
    expect(explained.lines[0]).toBe(
      '"orders/2024.csv" triggers nothing: it is under "orders/" but does not end with ".json", ".json.gz"',
    );
  });

  it('calls a key ending in "/" a folder marker', () => {
    expect(explainMatch(IMPORTS, 'orders/').lines[0]).toMatch(
      /triggers nothing: it ends with "\/", a folder marker/,
    );
  });

  it('lists the configured prefixes when the key is under none of them', () => {
    // Act
    const explained = explainMatch(IMPORTS, 'Customers/a.csv');

    // Assess
    expect(explained).toEqual({
      triggers: false,
      lines: [
        '"Customers/a.csv" triggers nothing: it is under no configured prefix',
        '  prefixes: "customers/", "customers/daily/", "orders/" (prefixes are case-sensitive and include the trailing "/")',
      ],
    });
  });
});
