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

  it('falls back to a shorter prefix whose suffix matches when the longest prefix wants another suffix', () => {
    // Prepare
    const csv = { prefix: 'imports/', uuid: 'aaaaaaaa-0000-4000-8000-000000000011', suffix: '.csv' };
    const vipJson = { prefix: 'imports/vip/', uuid: 'aaaaaaaa-0000-4000-8000-000000000012', suffix: '.json' };

    // Act
    const match = createKeyMatcher([vipJson, csv])('imports/vip/x.csv');

    // Assess
    expect(match).toEqual({ kind: 'import', mapping: csv });
  });

  it('maps one prefix to different imports by suffix', () => {
    // Prepare
    const csv = { prefix: 'feeds/', uuid: 'aaaaaaaa-0000-4000-8000-000000000021', suffix: '.csv' };
    const json = { prefix: 'feeds/', uuid: 'aaaaaaaa-0000-4000-8000-000000000022', suffix: '.json' };
    const byPrefix = createKeyMatcher([csv, json]);

    // Act / Assess
    expect(byPrefix('feeds/a.csv')).toEqual({ kind: 'import', mapping: csv });
    expect(byPrefix('feeds/a.json')).toEqual({ kind: 'import', mapping: json });
  });

  it('prefers the longer suffix under the same prefix', () => {
    // Prepare
    const any = { prefix: 'feeds/', uuid: 'aaaaaaaa-0000-4000-8000-000000000031' };
    const gz = { prefix: 'feeds/', uuid: 'aaaaaaaa-0000-4000-8000-000000000032', suffix: '.csv.gz' };

    // Act / Assess
    expect(createKeyMatcher([any, gz])('feeds/a.csv.gz')).toEqual({ kind: 'import', mapping: gz });
    expect(createKeyMatcher([any, gz])('feeds/a.txt')).toEqual({ kind: 'import', mapping: any });
  });

  it('ignores a key under a prefix when no mapping of a matching prefix wants its suffix', () => {
    // Act / Assess
    expect(matchKey('done/2026-11-30/data.csv')).toEqual({ kind: 'ignored', reason: 'suffix-mismatch' });
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
