import type { Figure } from './report';

/** What one bench item contributes: table rows, findings in words, and raw numbers for results.json. */
export interface ItemResult {
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;
}
