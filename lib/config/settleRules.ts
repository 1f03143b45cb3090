import { importSchema } from './importsSchema';
import { rule, type Shape } from './rule';

/**
 * On how many receives a record may wait to settle: the function stops the wait once a record has used half its
 * receives (so retries keep the other half) and never waits on the last, so only receives r with
 * 2r < maxReceiveCount may wait.
 */
export function settleReceives(maxReceiveCount: number): number {
  return Math.max(0, Math.ceil(maxReceiveCount / 2) - 1);
}

/** The fewest receives under which a settle window holds at all (`settleReceives` > 0). */
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
        if (!triggerLedger || settling.length === 0 || settleReceives(maxReceiveCount) > 0) return;
        report(
          ['maxReceiveCount'],
          `must be at least ${MIN_RECEIVES_TO_SETTLE} for the settleSeconds of ${settling.join(', ')} to hold: a ` +
            'record waits to settle only until it has used half its receives, and never on its last',
        );
      },
    ),
  ];
}

/** What a valid configuration's settle windows need to say at synth: where maxSettleSeconds can never bind. */
export interface SettleSettings {
  readonly imports: readonly { readonly settleSeconds?: number | undefined }[];
  readonly maxReceiveCount: number;
  readonly maxSettleSeconds: number;
}

/**
 * A warning for each import whose settle waits run out of receives before maxSettleSeconds: each wait lasts
 * at most settleSeconds, so while its files keep landing, a record triggers after at most
 * `settleReceives × settleSeconds` (plus polling), earlier than maxSettleSeconds. Legal, but not what
 * maxSettleSeconds suggests.
 */
export function settleWarnings(settings: SettleSettings): string[] {
  const waits = settleReceives(settings.maxReceiveCount);
  return settlingImports(settings.imports).flatMap(([index, settleSeconds]) => {
    const longest = waits * settleSeconds;
    if (waits === 0 || longest >= settings.maxSettleSeconds) return [];
    return [
      `blueshiftImportTrigger.imports[${index}].settleSeconds: a record waits to settle on at most ${waits} ` +
        `receives (below half of maxReceiveCount ${settings.maxReceiveCount}), so while files keep landing this ` +
        `import triggers after about ${longest} s, before maxSettleSeconds (${settings.maxSettleSeconds}); ` +
        'raise maxReceiveCount if its drops last longer, or lower maxSettleSeconds to match',
    ];
  });
}
