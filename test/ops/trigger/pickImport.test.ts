import { describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../../contract/importMapping';
import { pickImport } from '../../../scripts/ops/trigger/pickImport';

const A = '11111111-2222-4333-8444-555555555555';
const B = '66666666-7777-4888-9999-000000000000';
const IMPORTS: readonly ImportMapping[] = [
  { prefix: 'customers/', uuid: A },
  { prefix: 'eu/customers/', uuid: A },
  { prefix: 'orders/', uuid: A, suffix: '.csv' },
  { prefix: 'orders/', uuid: B, suffix: '.json' },
];

describe('Function: pickImport()', () => {
  it('finds an import by its UUID, in any case, with every prefix that leads to it', () => {
    // Act
    const picked = pickImport(IMPORTS, A.toUpperCase());

    // Assess
    expect(picked.uuid).toBe(A);
    expect(picked.mappings.map((mapping) => mapping.prefix)).toEqual([
      'customers/',
      'eu/customers/',
      'orders/',
    ]);
  });

  it('finds an import by its prefix, the trailing slash optional', () => {
    expect(pickImport(IMPORTS, 'eu/customers').uuid).toBe(A);
  });

  it.each([
    ['a UUID not deployed', B.replace('6', '7'), 'is not in the deployed config (it has: customers/ ->'],
    ['an unknown prefix', 'customer', '"customer" is neither an import UUID nor a configured prefix'],
    [
      'a prefix of two imports',
      'orders/',
      `prefix "orders/" leads to 2 imports by suffix (${A}, ${B}): give the UUID`,
    ],
  ])('refuses %s', (_, target, message) => {
    expect(() => pickImport(IMPORTS, target)).toThrow(message);
  });
});
