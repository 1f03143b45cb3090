import { describe, expect, it } from 'vitest';
import { validateAppConfig } from '../../lib/config/validateConfig';
import { DAILY_UUID, problemsOf, rawConfigFactory, VIP_UUID } from './factories';

const withImports = (...imports: Record<string, unknown>[]) => rawConfigFactory({ imports });

describe('Schema: imports', () => {
  it.each([
    ['a leading /', '/customers/', 'S3 keys do not start with /: use "customers/"'],
    [
      'an s3:// URL',
      's3://acme/exports/',
      'give the key prefix only, without s3:// and the bucket: use "exports/"',
    ],
    [
      'a * wildcard',
      'exports/*/',
      'S3 prefixes are literal; use the common part before the first *: "exports/"',
    ],
  ])('rejects a prefix with %s and gives the fix', (_case, prefix, message) => {
    // Act
    const problems = problemsOf(withImports({ prefix, uuid: DAILY_UUID }));

    // Assess
    expect(problems).toEqual([`blueshiftImportTrigger.imports[0].prefix: ${message}`]);
  });

  it('rejects a suffix wildcard with the literal part to use', () => {
    // Act
    const problems = problemsOf(withImports({ prefix: 'in/', uuid: DAILY_UUID, suffix: '*.csv' }));

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.imports[0].suffix: S3 suffixes are literal; use the common part after the last *: ".csv"',
    ]);
  });

  it('maps one prefix to different imports by suffixes that do not overlap', () => {
    // Act
    const config = validateAppConfig(
      withImports(
        { prefix: 'in/', uuid: DAILY_UUID, suffix: '.csv' },
        { prefix: 'in/', uuid: VIP_UUID, suffix: '.json' },
      ),
    );

    // Assess
    expect(config.imports.map((mapping) => mapping.suffix)).toEqual(['.csv', '.json']);
  });

  it.each([
    ['the same suffix', '.csv', '.csv', 'duplicates imports[0] (prefix "in/", suffix ".csv")'],
    [
      'a suffix that ends with the other',
      '.csv',
      'daily.csv',
      'overlaps imports[0].suffix ".csv" under prefix "in/": a key ending "daily.csv" matches both',
    ],
    ['no suffix beside one', '.csv', undefined, 'overlaps imports[0] under prefix "in/"'],
  ])(
    'rejects two mappings of one prefix with %s, naming the entry it clashes with',
    (_case, first, second, message) => {
      // Act
      const problems = problemsOf(
        withImports(
          { prefix: 'in/', uuid: DAILY_UUID, suffix: first },
          { prefix: 'in/', uuid: VIP_UUID, suffix: second },
        ),
      );

      // Assess
      expect(problems).toEqual([
        expect.stringMatching(/^blueshiftImportTrigger\.imports\[1\]\.(suffix|prefix): /),
      ]);
      expect(problems[0]).toContain(message);
    },
  );

  it('rejects a prefix longer than an S3 key can be, counted in UTF-8 bytes', () => {
    // Prepare: 600 two-byte characters are 1,200 bytes.
    const prefix = `${'é'.repeat(600)}/`;

    // Act
    const problems = problemsOf(withImports({ prefix, uuid: DAILY_UUID }));

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.imports[0].prefix: is 1201 bytes of UTF-8; an S3 key holds at most 1024',
    ]);
  });

  it('rejects a prefix and suffix that together make keys longer than S3 allows', () => {
    // Act
    const problems = problemsOf(
      withImports({ prefix: `${'a'.repeat(1000)}/`, uuid: DAILY_UUID, suffix: `${'b'.repeat(30)}.csv` }),
    );

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.imports\[0\]\.suffix: with the prefix makes keys of at least 1035 bytes/,
      ),
    ]);
  });

  it("rejects in s3 mode a prefix whose URL-encoded form passes S3's filter value limit, and accepts it for eventbridge", () => {
    // Prepare: 400 "=" are 400 bytes raw and 1,200 characters encoded (%3D).
    const imports = [{ prefix: `${'='.repeat(400)}/`, uuid: DAILY_UUID }];

    // Act
    const problems = problemsOf(rawConfigFactory({ imports }));
    const eventBridge = validateAppConfig(rawConfigFactory({ imports, notifications: 'eventbridge' }));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.imports\[0\]\.prefix: is 1201 characters URL-encoded, as S3 reads/,
      ),
    ]);
    expect(eventBridge.imports).toHaveLength(1);
  });

  it('judges clashes only between entries whose own fields are valid', () => {
    // Act
    const problems = problemsOf(
      withImports({ prefix: '/in/', uuid: DAILY_UUID }, { prefix: '/in/', uuid: VIP_UUID }),
    );

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(/^blueshiftImportTrigger\.imports\[0\]\.prefix: S3 keys do not start with \//),
      expect.stringMatching(/^blueshiftImportTrigger\.imports\[1\]\.prefix: S3 keys do not start with \//),
    ]);
  });
});
