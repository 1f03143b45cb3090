import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTS_FILE, serializeImports } from '../../contract/importMapping';
import { loadImports } from '../../lambda/loadImports';

const imports = [{ prefix: 'daily/', uuid: 'aaaaaaaa-0000-4000-8000-000000000001', suffix: '.csv' }];
const directoryWith = (text?: string) => {
  const directory = mkdtempSync(path.join(tmpdir(), 'load-imports-'));
  if (text !== undefined) writeFileSync(path.join(directory, IMPORTS_FILE), text);
  return directory;
};

describe('Function: loadImports()', () => {
  it('reads imports.json from LAMBDA_TASK_ROOT', () => {
    // Prepare
    const taskRoot = directoryWith(serializeImports(imports));

    // Act / Assess
    expect(loadImports({ LAMBDA_TASK_ROOT: taskRoot }, directoryWith())).toEqual(imports);
  });

  it("falls back to the handler module's directory when LAMBDA_TASK_ROOT is not set", () => {
    // Prepare
    const moduleDir = directoryWith(serializeImports(imports));

    // Act / Assess
    expect(loadImports({}, moduleDir)).toEqual(imports);
  });

  it('names the path when the file is missing', () => {
    // Prepare
    const taskRoot = directoryWith();

    // Act / Assess
    expect(() => loadImports({ LAMBDA_TASK_ROOT: taskRoot }, taskRoot)).toThrow(
      `cannot read the import mappings at ${path.join(taskRoot, IMPORTS_FILE)}`,
    );
  });

  it('names the problem and the path when the content is broken', () => {
    // Prepare
    const taskRoot = directoryWith('{"imports":[]}');

    // Act / Assess
    expect(() => loadImports({ LAMBDA_TASK_ROOT: taskRoot }, taskRoot)).toThrow(
      `imports.json has no valid "imports" list (${path.join(taskRoot, IMPORTS_FILE)})`,
    );
  });
});
