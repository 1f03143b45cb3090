import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../scripts/ops/status/formatTable';

describe('Function: formatTable()', () => {
  it('pads each column to its widest cell, two spaces apart, without trailing spaces', () => {
    // Act
    const lines = formatTable(
      ['A', 'LONG HEADER', 'C'],
      [
        ['wide cell', 'x', ''],
        ['y', 'z', 'last'],
      ],
    );

    // Assess
    expect(lines).toEqual(['A          LONG HEADER  C', 'wide cell  x', 'y          z            last']);
  });
});
