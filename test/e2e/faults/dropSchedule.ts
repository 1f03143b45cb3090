import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportMapping } from '../../../contract/importMapping';
import type { LocalDeployment } from '../../../local/deployLocally';
import { dropFile } from '../../../local/dropFile';

/** A file to drop, and when, counted from the start of the run. */
export interface PlannedDrop {
  readonly key: string;
  readonly uuid: string;
  readonly offsetMs: number;
}

/** A file dropped: `droppedAt` is taken before the upload starts, so any later trigger can see the file. */
export interface Drop {
  readonly key: string;
  readonly uuid: string;
  readonly droppedAt: number;
}

/**
 * Spreads `files` drops over the imports at seeded random times within `spanMs`. Every seventh key has
 * spaces and a plus sign, which S3 encodes in its notifications.
 */
export function planDrops(
  random: () => number,
  imports: readonly ImportMapping[],
  files: number,
  spanMs: number,
): PlannedDrop[] {
  return Array.from({ length: files }, (_, n) => {
    const mapping = imports[Math.floor(random() * imports.length)] as ImportMapping;
    const name = n % 7 === 0 ? `batch ${n}+extra.csv` : `file-${n}.csv`;
    return { key: `${mapping.prefix}${name}`, uuid: mapping.uuid, offsetMs: Math.floor(random() * spanMs) };
  }).sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * Uploads each planned file at its time (or as soon after as the previous upload allows); `beforeDrop` sees
 * each one just before its upload, so a scenario can key events to the drops actually made.
 */
export async function dropOnSchedule(
  deployment: LocalDeployment,
  plan: readonly PlannedDrop[],
  beforeDrop: (drop: PlannedDrop) => void = () => {},
): Promise<Drop[]> {
  const start = Date.now();
  const drops: Drop[] = [];
  for (const planned of plan) {
    const { key, uuid, offsetMs } = planned;
    const wait = start + offsetMs - Date.now();
    if (wait > 0) await sleep(wait);
    beforeDrop(planned);
    const droppedAt = Date.now();
    await dropFile(deployment, key);
    drops.push({ key, uuid, droppedAt });
  }
  return drops;
}
