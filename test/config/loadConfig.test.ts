import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_UUIDS } from '../../lib/config/exampleUuids';
import { CONFIG_FILE_CONTEXT_KEY, loadConfig } from '../../lib/config/loadConfig';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { ConfigError } from '../../lib/config/validateConfig';
import { rawConfigFactory } from './factories';

const REPO = join(import.meta.dirname, '..', '..');
interface ExampleFile {
  readonly imports?: readonly { uuid: string }[];
  readonly context?: Record<string, { imports?: readonly { uuid: string }[] }>;
}

const REAL_UUID = '5b2c7d1e-9f3a-4e8b-a6c4-2d1f0e9b8a7c';

/** A stack whose app has the given context. */
const stackFactory = (context: Record<string, unknown>) => new Stack(new App({ context }), 'Config');

/** A temporary app directory holding `config/<name>` with the given text. */
const appDirectoryFactory = (name: string, text: string) => {
  const directory = mkdtempSync(join(tmpdir(), 'config-'));
  writeFileSync(join(directory, name), text);
  return directory;
};

const loadProblems = (context: Record<string, unknown>, cwd = REPO): readonly string[] => {
  try {
    loadConfig(stackFactory(context).node, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('Function: loadConfig()', () => {
  it('reads the file blueshiftImportTriggerFile names, relative to the app directory, $schema and all', () => {
    // Act
    const config = loadConfig(stackFactory({ [CONFIG_FILE_CONTEXT_KEY]: 'config/prod.json' }).node, REPO);

    // Assess
    expect(config).toMatchObject({
      notifications: 'eventbridge',
      apiBaseUrl: 'https://api.eu.getblueshift.com',
    });
    expect(config).not.toHaveProperty('$schema');
  });

  it.each(['config/dev.json', 'config/prod.json'])('accepts the example %s', (file) => {
    // Act / Assess
    expect(loadConfig(stackFactory({ [CONFIG_FILE_CONTEXT_KEY]: file }).node, REPO).imports).toHaveLength(2);
  });

  it('reports a missing file cleanly', () => {
    // Act / Assess
    expect(loadProblems({ [CONFIG_FILE_CONTEXT_KEY]: 'config/nowhere.json' })).toEqual([
      'blueshiftImportTriggerFile: cannot read config/nowhere.json (ENOENT)',
    ]);
  });

  it('reports a file that is not JSON', () => {
    // Prepare
    const directory = appDirectoryFactory('broken.json', '{ "imports": [');

    // Act / Assess
    expect(loadProblems({ [CONFIG_FILE_CONTEXT_KEY]: 'broken.json' }, directory)).toEqual([
      expect.stringMatching(/^blueshiftImportTrigger: is not valid JSON/),
    ]);
  });

  it('validates a file the same way as the context object', () => {
    // Prepare
    const directory = appDirectoryFactory(
      'bad.json',
      JSON.stringify(rawConfigFactory({ batchSize: 0, colour: 1 })),
    );

    // Act / Assess
    expect(loadProblems({ [CONFIG_FILE_CONTEXT_KEY]: 'bad.json' }, directory)).toEqual([
      'blueshiftImportTrigger.batchSize: must be a whole number from 1 to 10000 (got 0)',
      'blueshiftImportTrigger.colour: is not a known field',
    ]);
  });

  it('refuses a file and an inline configuration together, saying how to use the file', () => {
    // Act
    const problems = loadProblems({
      [CONFIG_CONTEXT_KEY]: rawConfigFactory(),
      [CONFIG_FILE_CONTEXT_KEY]: 'config/prod.json',
    });

    // Assess
    expect(problems).toEqual([
      expect.stringContaining('remove "blueshiftImportTrigger" from the context in cdk.json'),
    ]);
  });

  it('warns at synth while an example import UUID is configured', () => {
    // Prepare
    const stack = stackFactory({ [CONFIG_CONTEXT_KEY]: rawConfigFactory() });

    // Act
    loadConfig(stack.node);

    // Assess
    Annotations.fromStack(stack).hasWarning(
      '*',
      Match.stringLikeRegexp('"customers/daily/" still map to an example'),
    );
  });

  it('does not warn once the UUIDs are real', () => {
    // Prepare
    const stack = stackFactory({
      [CONFIG_CONTEXT_KEY]: rawConfigFactory({ imports: [{ prefix: 'in/', uuid: REAL_UUID }] }),
    });

    // Act
    loadConfig(stack.node);

    // Assess
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it.each([
    ['cdk.json', (json: ExampleFile) => json.context?.[CONFIG_CONTEXT_KEY]?.imports],
    ['config/dev.json', (json: ExampleFile) => json.imports],
    ['config/prod.json', (json: ExampleFile) => json.imports],
  ])('knows every UUID of %s as an example', (file, importsOf) => {
    // Prepare
    const json = JSON.parse(readFileSync(join(REPO, file), 'utf8')) as ExampleFile;

    // Act
    const uuids = (importsOf(json) ?? []).map((mapping) => mapping.uuid);

    // Assess
    expect(uuids.length).toBeGreaterThan(0);
    expect(EXAMPLE_UUIDS).toEqual(expect.arrayContaining(uuids));
  });
});
