import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localImports } from '../../../scripts/ops/resolve/localImports';

const DAILY = { prefix: 'customers/daily/', uuid: '11111111-2222-4333-8444-555555555555', suffix: '.csv' };
const VIP = { prefix: 'customers/vip/', uuid: '66666666-7777-4888-9999-000000000000' };

/** An app directory with a cdk.json whose context is given. */
function appWith(context: Record<string, unknown> | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ops-local-'));
  writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'true', ...(context ? { context } : {}) }));
  return dir;
}

describe('Function: localImports()', () => {
  it('reads the imports from cdk.json’s context, as synth does', () => {
    // Prepare
    const cwd = appWith({ blueshiftImportTrigger: { imports: [DAILY] } });

    // Act
    const found = localImports({ cwd, context: [] });

    // Assess
    expect(found).toEqual({ imports: [DAILY], warnings: [] });
  });

  it('lets -c replace cdk.json’s config with JSON text, as `cdk synth -c` does', () => {
    // Prepare
    const cwd = appWith({ blueshiftImportTrigger: { imports: [DAILY] } });

    // Act
    const found = localImports({
      cwd,
      context: [`blueshiftImportTrigger=${JSON.stringify({ imports: [VIP] })}`],
    });

    // Assess
    expect(found.imports).toEqual([VIP]);
  });

  it('reads a config file named by --config, relative to the app directory', () => {
    // Prepare
    const cwd = appWith(undefined);
    writeFileSync(path.join(cwd, 'prod.json'), JSON.stringify({ imports: [VIP] }));

    // Act
    const found = localImports({ cwd, context: [], configFile: 'prod.json' });

    // Assess
    expect(found.imports).toEqual([VIP]);
  });

  it.each([
    [
      'a -c without "="',
      { context: ['blueshiftImportTrigger'] },
      '-c blueshiftImportTrigger: expected key=value',
    ],
    ['no config at all', { context: [] }, 'Invalid blueshiftImportTrigger configuration'],
    ['a missing file', { context: [], configFile: 'nope.json' }, 'cannot read nope.json (ENOENT)'],
  ])('refuses %s', (_, source, message) => {
    expect(() => localImports({ cwd: appWith(undefined), ...source })).toThrow(message);
  });
});
