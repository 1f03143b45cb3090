import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAppConfig } from '../../lib/config/validateConfig';
import {
  configJsonSchema,
  configTable,
  REPO_DIRECTORY,
  SCHEMA_FILE,
  TABLE_END,
  TABLE_START,
  withConfigTable,
} from '../../scripts/configDocs';
import { rawConfigFactory } from './factories';

const readRepoFile = (name: string) => readFileSync(join(REPO_DIRECTORY, name), 'utf8');
const REGENERATE = 'stale: run `npx tsx scripts/configDocs.ts`';

describe('Docs: the configuration schema and table', () => {
  it('publishes config.schema.json as the schema generates it', () => {
    // Act
    const published = JSON.parse(readRepoFile(SCHEMA_FILE));

    // Assess
    expect(published, REGENERATE).toEqual(configJsonSchema());
  });

  it('keeps the README table as the schema generates it', () => {
    // Act
    const readme = readRepoFile('README.md');

    // Assess
    expect(withConfigTable(readme), REGENERATE).toBe(readme);
  });

  it('documents every field with a default or required mark and a description', () => {
    // Act
    const rows = configTable().split('\n').slice(2);

    // Assess
    expect(rows.map((row) => row.split('|')[1]?.trim())).toContain('`maxConcurrentCalls`');
    for (const row of rows) expect(row).toMatch(/^\| `\w+` \| (\(required\)|—|`.+`) \| .* \| \S.+ \|$/);
  });

  it('shows defaults from the input side of the schema', () => {
    // Act
    const properties = configJsonSchema().properties as Record<string, { default?: unknown }>;

    // Assess
    expect(properties.maxReceiveCount?.default).toBe(validateAppConfig(rawConfigFactory()).maxReceiveCount);
  });

  it('finds the table between its markers only', () => {
    // Prepare
    const readme = `intro\n${TABLE_START}\nold table\n${TABLE_END}\noutro\n`;

    // Act
    const updated = withConfigTable(readme);

    // Assess
    expect(updated).toBe(`intro\n${TABLE_START}\n${configTable()}\n${TABLE_END}\noutro\n`);
  });
});
