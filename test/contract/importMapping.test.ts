import { describe, expect, it } from 'vitest';
import { IMPORTS_FILE, parseImports, serializeImports } from '../../contract/importMapping';

const imports = [
  { prefix: 'exports/dt=2026-12-01/', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', suffix: '.csv' },
  { prefix: 'Customer Files/', uuid: 'aaaaaaaa-0000-4000-8000-000000000002' },
];

describe('Function: serializeImports() / parseImports()', () => {
  it('round-trips the mappings, raw prefixes included', () => {
    // Act / Assess
    expect(parseImports(serializeImports(imports))).toEqual(imports);
  });

  it('writes the shipped shape', () => {
    // Act / Assess
    expect(JSON.parse(serializeImports(imports))).toEqual({ imports });
  });

  it('ships as imports.json', () => {
    // Act / Assess
    expect(IMPORTS_FILE).toBe('imports.json');
  });
});

describe('Function: parseImports()', () => {
  it('names the file when the text is not JSON', () => {
    // Act / Assess
    expect(() => parseImports('{"imports": [')).toThrow('imports.json is not JSON');
  });

  it.each([
    ['null', 'null'],
    ['no list', '{}'],
    ['an empty list', '{"imports":[]}'],
    ['a mapping without uuid', '{"imports":[{"prefix":"a/"}]}'],
    ['a mapping without prefix', '{"imports":[{"uuid":"u"}]}'],
    ['a suffix that is not text', '{"imports":[{"prefix":"a/","uuid":"u","suffix":3}]}'],
    ['a null mapping', '{"imports":[null]}'],
  ])('rejects %s', (_, text) => {
    // Act / Assess
    expect(() => parseImports(text)).toThrow('imports.json has no valid "imports" list');
  });
});
