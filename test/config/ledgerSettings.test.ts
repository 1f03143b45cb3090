import { describe, expect, it } from 'vitest';
import { MAX_RETRY_SPAN_SECONDS, worstCaseRetrySpanSeconds } from '../../contract/redeliveryPolicy';
import { settleReceives, settleWarnings } from '../../lib/config/settleRules';
import { validateAppConfig } from '../../lib/config/validateConfig';
import { DAILY_UUID, problemsOf, rawConfigFactory, VIP_UUID } from './factories';

/** A configuration whose one import settles for `settleSeconds`, with the given fields replaced. */
const settlingConfigFactory = (settleSeconds: unknown, overrides: Record<string, unknown> = {}) =>
  rawConfigFactory({ imports: [{ prefix: 'exports/', uuid: DAILY_UUID, settleSeconds }], ...overrides });

describe('Config: trigger ledger and settle window', () => {
  it('turns the ledger on with a 1 s coverage margin and a 15 minute settle ceiling by default', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory());

    // Assess
    expect(config).toMatchObject({ triggerLedger: true, coverageMarginSeconds: 1, maxSettleSeconds: 900 });
    expect(config.imports[0]).not.toHaveProperty('settleSeconds');
  });

  it('keeps settleSeconds on the mapping it belongs to, and the ledger settings given', () => {
    // Act
    const config = validateAppConfig(
      rawConfigFactory({
        imports: [
          { prefix: 'exports/', uuid: DAILY_UUID, settleSeconds: 120 },
          { prefix: 'vip/', uuid: VIP_UUID },
        ],
        coverageMarginSeconds: 0,
        maxSettleSeconds: 600,
      }),
    );

    // Assess
    expect(config.imports).toEqual([
      { prefix: 'exports/', uuid: DAILY_UUID, settleSeconds: 120 },
      { prefix: 'vip/', uuid: VIP_UUID },
    ]);
    expect(config).toMatchObject({ coverageMarginSeconds: 0, maxSettleSeconds: 600 });
  });

  it('lets triggerLedger be turned off when no import settles', () => {
    // Act
    const config = validateAppConfig(rawConfigFactory({ triggerLedger: false }));

    // Assess
    expect(config.triggerLedger).toBe(false);
  });

  it.each([
    ['triggerLedger', 'yes', 'must be true or false (got "yes")'],
    ['coverageMarginSeconds', -1, 'must be a whole number from 0 to 300 (got -1)'],
    ['coverageMarginSeconds', 301, 'must be a whole number from 0 to 300 (got 301)'],
    ['coverageMarginSeconds', 0.5, 'must be a whole number from 0 to 300 (got 0.5)'],
    ['maxSettleSeconds', 0, 'must be a whole number from 1 to 3600 (got 0)'],
    ['maxSettleSeconds', 3601, 'must be a whole number from 1 to 3600 (got 3601)'],
  ])('rejects %s %j', (field, value, message) => {
    // Act
    const problems = problemsOf(rawConfigFactory({ [field]: value }));

    // Assess
    expect(problems).toEqual([`blueshiftImportTrigger.${field}: ${message}`]);
  });

  it.each([0, 1.5, 3601, '60'])('rejects settleSeconds %j', (settleSeconds) => {
    // Act
    const problems = problemsOf(settlingConfigFactory(settleSeconds));

    // Assess
    expect(problems).toEqual([
      `blueshiftImportTrigger.imports[0].settleSeconds: must be a whole number of seconds from 1 to 3600 (got ${JSON.stringify(settleSeconds)})`,
    ]);
  });

  it('refuses settleSeconds with the ledger off: the window needs to remember the newest file', () => {
    // Act
    const problems = problemsOf(settlingConfigFactory(60, { triggerLedger: false }));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.imports\[0\]\.settleSeconds: needs the trigger ledger.*set triggerLedger to true/,
      ),
    ]);
  });

  it('refuses a settleSeconds longer than maxSettleSeconds', () => {
    // Act
    const problems = problemsOf(settlingConfigFactory(1200));

    // Assess
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.imports\[0\]\.settleSeconds: must be at most maxSettleSeconds \(900\)/,
      ),
    ]);
  });

  it('lists every settle problem at once, beside problems elsewhere in the imports', () => {
    // Prepare
    const raw = rawConfigFactory({
      imports: [
        { prefix: 'exports/', uuid: DAILY_UUID, settleSeconds: 1200 },
        { prefix: 'vip/', uuid: 'not-a-uuid', settleSeconds: 30 },
      ],
      triggerLedger: false,
    });

    // Act
    const problems = problemsOf(raw);

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^blueshiftImportTrigger\.imports\[0\]\.settleSeconds: needs the trigger ledger/,
        ),
        expect.stringMatching(
          /^blueshiftImportTrigger\.imports\[0\]\.settleSeconds: must be at most maxSettle/,
        ),
        expect.stringMatching(/^blueshiftImportTrigger\.imports\[1\]\.uuid: must be an import task UUID/),
        expect.stringMatching(
          /^blueshiftImportTrigger\.imports\[1\]\.settleSeconds: needs the trigger ledger/,
        ),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('judges settleSeconds against neither a malformed triggerLedger nor a malformed maxSettleSeconds', () => {
    // Act
    const problems = problemsOf(settlingConfigFactory(1200, { triggerLedger: 'no', maxSettleSeconds: 0 }));

    // Assess
    expect(problems).toEqual([
      'blueshiftImportTrigger.triggerLedger: must be true or false (got "no")',
      'blueshiftImportTrigger.maxSettleSeconds: must be a whole number from 1 to 3600 (got 0)',
    ]);
  });

  it.each([1, 2])(
    'refuses settleSeconds with maxReceiveCount %i, under which no record may wait',
    (count) => {
      // Act
      const problems = problemsOf(settlingConfigFactory(60, { maxReceiveCount: count }));

      // Assess
      expect(problems).toEqual([
        expect.stringMatching(
          /^blueshiftImportTrigger\.maxReceiveCount: must be at least 3 for the settleSeconds of imports\[0\] to hold/,
        ),
      ]);
    },
  );

  it('accepts maxReceiveCount 3 with settleSeconds, and maxReceiveCount 1 without', () => {
    // Act
    const settling = validateAppConfig(settlingConfigFactory(60, { maxReceiveCount: 3 }));
    const plain = validateAppConfig(rawConfigFactory({ maxReceiveCount: 1 }));

    // Assess
    expect(settling.maxReceiveCount).toBe(3);
    expect(plain.maxReceiveCount).toBe(1);
  });

  it('counts the settle window into the retry span a failing drop may take before the dead-letter queue', () => {
    // Prepare: retries that just fit in the span, until a 900 s settle window comes on top
    const retries = {
      maxReceiveCount: 16,
      retryBaseDelaySeconds: 30,
      retryMaxDelaySeconds: 40_200,
      functionTimeoutSeconds: 60,
      batchWindowSeconds: 5,
      requestTimeoutSeconds: 10,
    };
    const span = worstCaseRetrySpanSeconds(retries);
    expect(span).toBeLessThanOrEqual(MAX_RETRY_SPAN_SECONDS);
    expect(span + 900).toBeGreaterThan(MAX_RETRY_SPAN_SECONDS);

    // Act
    const plain = validateAppConfig(rawConfigFactory(retries));
    const problems = problemsOf(settlingConfigFactory(60, retries));

    // Assess
    expect(plain.maxReceiveCount).toBe(16);
    expect(problems).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.maxReceiveCount: with these retry delays and a settle window of up to maxSettleSeconds \(900\) a failing drop may retry for 7\.0 days/,
      ),
    ]);
    expect(problems[0]).toContain('(or maxSettleSeconds)');
  });
});

describe('Function: settleReceives()', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [10, 4],
    [11, 5],
  ])(
    'lets a record of maxReceiveCount %i wait to settle on %i receives, keeping half for retries',
    (count, waits) => {
      // Act / Assess
      expect(settleReceives(count)).toBe(waits);
    },
  );
});

describe('Function: settleWarnings()', () => {
  it('warns when the settle waits run out of receives before maxSettleSeconds', () => {
    // Prepare
    const config = validateAppConfig(settlingConfigFactory(60));

    // Act
    const warnings = settleWarnings(config);

    // Assess
    expect(warnings).toEqual([
      expect.stringMatching(
        /^blueshiftImportTrigger\.imports\[0\]\.settleSeconds: a record waits to settle on at most 4 receives .* after about 240 s, before maxSettleSeconds \(900\)/,
      ),
    ]);
  });

  it('says nothing when the waits can reach maxSettleSeconds, or when no import settles', () => {
    // Prepare
    const reaching = validateAppConfig(settlingConfigFactory(300));
    const plain = validateAppConfig(rawConfigFactory());

    // Act / Assess
    expect(settleWarnings(reaching)).toEqual([]);
    expect(settleWarnings(plain)).toEqual([]);
  });
});
