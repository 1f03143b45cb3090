import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENV } from '../contract/handlerSettings';
import { startBlueshiftStandIn } from '../local/blueshift/blueshiftStandIn';
import type { BenchSettings } from './benchSettings';
import { startDynamoDbStandIn } from './dynamoDbStandIn';
import { shipImports } from './handlerRig';
import type { ItemResult } from './itemResult';
import { lambdaEnvironment } from './lambdaEnvironment';
import { LARGE_BATCH_IMPORTS, largestBatch } from './perRecordCost';
import { runInChild } from './runInChild';
import { benchImports } from './s3SqsRecords';
import { startSecretsManagerStandIn } from './secretsManagerStandIn';
import { median } from './stats';
import type { ShippedBundle } from './synthesizeBundle';

const PROBE = path.join(import.meta.dirname, 'children', 'peakRss.mjs');
/** The smallest Lambda memory setting. */
const TARGET_MIB = 128;

interface RssProbe {
  readonly loadedKiB: number;
  readonly peakKiB: number;
  readonly records: number;
  readonly failures: number;
}

/**
 * Item 2 (memory): peak RSS of a fresh plain `node` process that loads the shipped bundle and handles the
 * largest batch once. The stand-ins run here, in the parent, so their memory is not counted.
 */
export async function peakRss(
  shipped: ShippedBundle,
  settings: BenchSettings,
  workDir: string,
): Promise<ItemResult> {
  const imports = benchImports(LARGE_BATCH_IMPORTS);
  const eventPath = path.join(workDir, 'largest-batch.json');
  writeFileSync(eventPath, JSON.stringify({ Records: largestBatch() }));
  const blueshift = await startBlueshiftStandIn();
  const secrets = await startSecretsManagerStandIn(blueshift.apiKey);
  const dynamodb = await startDynamoDbStandIn();
  const probes: RssProbe[] = [];
  try {
    const env = lambdaEnvironment(
      { ...shipped.environment, [ENV.apiBaseUrl]: blueshift.url },
      { secretsManager: secrets.url, dynamodb: dynamodb.url, taskRoot: shipImports(imports, workDir) },
    );
    for (let run = 0; run < settings.rssRuns; run++) {
      const probe = await runInChild<RssProbe>(PROBE, [pathToFileURL(shipped.bundlePath).href, eventPath], {
        tsx: false,
        env,
      });
      if (probe.failures > 0) throw new Error(`the handler failed ${probe.failures} records`);
      probes.push(probe);
    }
  } finally {
    await Promise.all([blueshift.close(), secrets.close(), dynamodb.close()]);
  }
  const mib = (kib: number) => kib / 1024;
  const peak = mib(median(probes.map((probe) => probe.peakKiB)));
  const loaded = mib(median(probes.map((probe) => probe.loadedKiB)));
  return {
    figures: [
      {
        item: 2,
        name: `Peak RSS, largest batch (${probes[0]?.records} records)`,
        value: peak,
        unit: 'MiB',
        comparison: { name: 'bundle loaded', value: loaded, ratio: peak / loaded, ratioOf: 'peak/loaded' },
        target: { text: `≤ ${TARGET_MIB} MiB`, met: peak <= TARGET_MIB },
        runs: `median of ${settings.rssRuns} fresh node`,
      },
    ],
    notes: [],
    details: { probes },
  };
}
