import { importSchema } from './importsSchema';
import { rule, type Shape } from './rule';

/**
 * The function stops a record's settle wait once it has used half its receives, and never waits on the last,
 * so only receives r with 2r < maxReceiveCount may wait: with fewer than this many, a settle window never holds.
 */
export const MIN_RECEIVES_TO_SETTLE = 3;

/** `[index, settleSeconds]` of each import whose own settleSeconds is valid, whatever else is wrong with it. */
export function settlingImports(imports: unknown): [number, number][] {
  if (!Array.isArray(imports)) return [];
  return imports.flatMap((mapping: unknown, index) => {
    const settleSeconds = (mapping as { settleSeconds?: unknown } | null)?.settleSeconds;
    if (settleSeconds === undefined) return [];
    const valid = importSchema.shape.settleSeconds.safeParse(settleSeconds).success;
    return valid ? [[index, settleSeconds as number]] : [];
  });
}

/**
 * What settle windows add to a failing drop's time in the ingest queue: a record stops waiting at the latest
 * `maxSettleSeconds` after the oldest file of its batch, which is no newer than its own, and its settle waits
 * take the place of retry waits on the receives they use. So at most `maxSettleSeconds` on top of the retries.
 */
export function settleSpanSeconds(imports: unknown, maxSettleSeconds: number): number {
  return settlingImports(imports).length > 0 ? maxSettleSeconds : 0;
}

/** The rules that tie each import's settleSeconds to the ledger, maxSettleSeconds and maxReceiveCount. */
export function settleRules(shape: Shape) {
  return [
    rule(shape, ['triggerLedger'], ({ imports, triggerLedger }, report) => {
      if (triggerLedger) return;
      for (const [index] of settlingImports(imports)) {
        report(
          ['imports', index, 'settleSeconds'],
          'needs the trigger ledger, which remembers when the newest file landed: set triggerLedger to true, or drop settleSeconds',
        );
      }
    }),
    rule(shape, ['maxSettleSeconds'], ({ imports, maxSettleSeconds }, report) => {
      for (const [index, settleSeconds] of settlingImports(imports)) {
        if (settleSeconds <= maxSettleSeconds) continue;
        report(
          ['imports', index, 'settleSeconds'],
          `must be at most maxSettleSeconds (${maxSettleSeconds}), the longest any import waits: lower it, or raise maxSettleSeconds`,
        );
      }
    }),
    rule(
      shape,
      ['maxReceiveCount', 'triggerLedger'],
      ({ imports, maxReceiveCount, triggerLedger }, report) => {
        const settling = settlingImports(imports).map(([index]) => `imports[${index}]`);
        if (!triggerLedger || settling.length === 0 || maxReceiveCount >= MIN_RECEIVES_TO_SETTLE) return;
        report(
          ['maxReceiveCount'],
          `must be at least ${MIN_RECEIVES_TO_SETTLE} for the settleSeconds of ${settling.join(', ')} to hold: a ` +
            'record waits to settle only until it has used half its receives, and never on its last',
        );
      },
    ),
  ];
}
