/** One watched folder (and, optionally, file ending) and the Blueshift import its files trigger. */
export interface ImportMapping {
  /** Object key prefix, as stored in S3 (not URL-encoded), e.g. `customers/daily/`. */
  readonly prefix: string;
  /** Blueshift customer-attributes import task UUID, lower case. */
  readonly uuid: string;
  /** Only keys ending with this trigger the import, e.g. `.csv`. @default - any key under the prefix */
  readonly suffix?: string;
  /**
   * Trigger only once no new file of this import has landed for this long (a multi-file export without a
   * marker file then costs one run); needs the trigger ledger. @default - trigger at once
   */
  readonly settleSeconds?: number;
}

/**
 * The file, beside the handler in the function's code asset, that holds the import mappings as JSON
 * (`ShippedImports`). It ships with the code rather than in the environment, which Lambda limits to 4 KB.
 */
export const IMPORTS_FILE = 'imports.json';

/** The content of `IMPORTS_FILE`. */
export interface ShippedImports {
  readonly imports: readonly ImportMapping[];
}

/** Serialises the mappings for `IMPORTS_FILE`. */
export function serializeImports(imports: readonly ImportMapping[]): string {
  return JSON.stringify({ imports } satisfies ShippedImports);
}

/** Reads `IMPORTS_FILE`'s text; throws naming what is wrong, so a broken asset fails loudly at cold start. */
export function parseImports(text: string): readonly ImportMapping[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${IMPORTS_FILE} is not JSON`);
  }
  const imports = (parsed as Partial<ShippedImports> | null)?.imports;
  const valid =
    Array.isArray(imports) &&
    imports.length > 0 &&
    imports.every(
      (mapping: Partial<ImportMapping> | null) =>
        typeof mapping?.prefix === 'string' &&
        typeof mapping.uuid === 'string' &&
        (mapping.suffix === undefined || typeof mapping.suffix === 'string') &&
        (mapping.settleSeconds === undefined ||
          (Number.isInteger(mapping.settleSeconds) && mapping.settleSeconds > 0)),
    );
  if (!valid) throw new Error(`${IMPORTS_FILE} has no valid "imports" list`);
  return imports;
}
