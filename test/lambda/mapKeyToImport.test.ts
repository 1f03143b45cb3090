import { describe, expect, it } from 'vitest';
import { createKeyMatcher } from '../../lambda/mapKeyToImport';

const imports = [
  { prefix: 'imports/', uuid: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { prefix: 'imports/vip/', uuid: 'aaaaaaaa-0000-4000-8000-000000000002', suffix: '.csv' },
  { prefix: 'done/', uuid: 'aaaaaaaa-0000-4000-8000-000000000003', suffix: '_SUCCESS' },
];

describe('Function: createKeyMatcher()', () => {
  const matchKey = createKeyMatcher(imports);

  it('picks the longest matching prefix', () => {
    // Act
    const match = matchKey('imports/vip/today.csv');

    // Assess
    expect(match).toEqual({ kind: 'import', mapping: imports[1] });
  });

  it('falls back to the shorter prefix for keys outside the longer one', () => {
    // Act / Assess
    expect(matchKey('imports/other/today.json')).toEqual({ kind: 'import', mapping: imports[0] });
  });

  it('ignores a key whose longest prefix wants another suffix, without falling back', () => {
    // Act / Assess
    expect(matchKey('imports/vip/today.json')).toEqual({ kind: 'ignored', reason: 'suffix-mismatch' });
  });

  it('matches a marker-file suffix such as _SUCCESS', () => {
    // Act / Assess
    expect(matchKey('done/2026-11-30/_SUCCESS')).toEqual({ kind: 'import', mapping: imports[2] });
  });

  it('ignores folder markers', () => {
    // Act / Assess
    expect(matchKey('imports/vip/')).toEqual({ kind: 'ignored', reason: 'folder-marker' });
  });

  it('ignores keys under no configured prefix', () => {
    // Act / Assess
    expect(matchKey('elsewhere/file.csv')).toEqual({ kind: 'ignored', reason: 'no-prefix' });
  });
});
