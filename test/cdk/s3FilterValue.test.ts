import { describe, expect, it } from 'vitest';
import { encodeFilterValue } from '../../lib/s3FilterValue';

describe('Function: encodeFilterValue()', () => {
  it.each([
    ['a Hive partition', 'exports/dt=2026-12-01/', 'exports/dt%3D2026-12-01/'],
    ['a space', 'Customer Files/', 'Customer+Files/'],
    ['a literal plus', 'events/+plus/', 'events/%2Bplus/'],
    ['a non-ASCII letter, as UTF-8', 'données/', 'donn%C3%A9es/'],
    ['an emoji outside the BMP', 'a📁/', 'a%F0%9F%93%81/'],
    ['other special characters', 'a:b,c@d&e$f;g?h%i', 'a%3Ab%2Cc%40d%26e%24f%3Bg%3Fh%25i'],
  ])('encodes %s the way S3 compares filters', (_case, raw, encoded) => {
    // Act & Assess
    expect(encodeFilterValue(raw)).toBe(encoded);
  });

  it("keeps S3's safe characters and the slash as they are", () => {
    // Prepare
    const safe = "09azAZ!-_.*'()/";

    // Act & Assess
    expect(encodeFilterValue(safe)).toBe(safe);
  });

  it('decodes back to the raw text with form decoding (plus as space)', () => {
    // Prepare
    const raw = 'Customer Files/dt=2026-12-01/données +x.csv';

    // Act
    const decoded = decodeURIComponent(encodeFilterValue(raw).replaceAll('+', ' '));

    // Assess
    expect(decoded).toBe(raw);
  });
});
