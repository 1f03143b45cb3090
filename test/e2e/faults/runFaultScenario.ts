import { deployLocally, type LocalDeployment } from '../../../local/deployLocally';
import type { MessageCounts } from '../../../local/moto/messageCounts';
import { waitUntilDrained } from '../../../local/moto/waitUntilDrained';
import { seededRandom } from '../../../local/seededRandom';
import { accountRuns } from '../support/accountRuns';
import { readDeadLetters } from '../support/readDeadLetters';
import { type Accounting, accountDrops } from './accountDrops';
import { type Drop, dropOnSchedule, type PlannedDrop, planDrops } from './dropSchedule';
import { type OutageWindow, scriptFaults } from './faultPlan';

/** The size and temper of one fault-injection run. */
export interface FaultScenario {
  readonly seed: number;
  readonly files: number;
  readonly imports: number;
  /** Drops land at seeded random times within this span. */
  readonly dropSpanMs: number;
  /** Each import's chance of a fault per call (after its busy calls) is drawn from this range. */
  readonly faultProbability: readonly [number, number];
  /** Each import answers 405 "busy" to its first 0 to this many calls. */
  readonly maxBusyCalls: number;
  /**
   * Blueshift is down (503) for this long around the last drop, half before and half after: the files dropped
   * then are triggered only if their retries outlast the outage, and no later drop can cover for them.
   */
  readonly closingOutageMs: number;
  readonly maxConcurrency: number;
  readonly maxReceiveCount: number;
  /** How long the event source may take to empty the ingest queue once the last file is dropped. */
  readonly drainTimeoutMs: number;
  /** Each unscripted 200 starts an import run this long, with 405 during it. @default 0 (no runs modelled) */
  readonly runSeconds?: number;
}

/** What a run produced. */
export interface FaultRun {
  readonly accounting: Accounting;
  /** What the ingest queue still held when the run ended. */
  readonly left: MessageCounts;
  readonly invocations: number;
  /** Dead letters that name none of the dropped files. */
  readonly strayDeadLetters: number;
  readonly pollerErrors: readonly string[];
  readonly wallMs: number;
  /** Issue 9's figures over all imports: runs started, 405s, files covered by a run yet dead-lettered. */
  readonly runs: {
    readonly runs: number;
    readonly busyAnswers: number;
    readonly coveredInDeadLetters: number;
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const importUuid = (index: number) => `f0000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** Deploys locally, scripts a seeded fault mix per import, drops files while the event source runs, and accounts. */
export async function runFaultScenario(endpoint: string, scenario: FaultScenario): Promise<FaultRun> {
  const startedAt = Date.now();
  const random = seededRandom(scenario.seed);
  const imports = Array.from({ length: scenario.imports }, (_, n) => ({
    prefix: `feed-${n}/`,
    uuid: importUuid(n),
  }));
  const { maxReceiveCount, maxConcurrency } = scenario;
  const deployment = await deployLocally({
    endpoint,
    config: { imports, maxReceiveCount, maxConcurrency },
    standIn: { behaviour: { runSeconds: scenario.runSeconds ?? 0 } },
  });
  try {
    // Drawn in a fixed order from one seeded source: the faults first, then the drops.
    const outage: OutageWindow = { from: Number.POSITIVE_INFINITY, until: Number.POSITIVE_INFINITY };
    scriptFaults(deployment.standIn, imports, random, { ...scenario, outage });
    const plan = planDrops(random, imports, scenario.files, scenario.dropSpanMs);
    // The outage starts with the closing drops as actually made, so a slow machine cannot slide it off them.
    const closingFromMs = (plan.at(-1)?.offsetMs ?? 0) - scenario.closingOutageMs / 2;
    const startOutage = (next: PlannedDrop) => {
      if (next.offsetMs < closingFromMs || outage.from !== Number.POSITIVE_INFINITY) return;
      outage.from = Date.now();
      outage.until = outage.from + scenario.closingOutageMs;
    };
    const { drops, left, invocations, pollerErrors } = await dropAndDrain(
      deployment,
      plan,
      startOutage,
      scenario,
    );
    const letters = await readDeadLetters(deployment.sqs, deployment.deadLetterQueue.url);
    const dropped = new Set(drops.map((drop) => drop.key));
    const deadLetterKeys = letters.flatMap((letter) => letter.keys);
    const { calls, runs } = deployment.standIn;
    const perImport = imports.map(({ uuid }) => accountRuns({ uuid, drops, calls, runs, deadLetterKeys }));
    return {
      accounting: accountDrops({
        drops,
        calls: deployment.standIn.calls,
        deadLetterKeys,
        maxReceiveCount: deployment.config.maxReceiveCount,
      }),
      left,
      invocations,
      strayDeadLetters: letters.filter((letter) => !letter.keys.some((key) => dropped.has(key))).length,
      pollerErrors,
      wallMs: Date.now() - startedAt,
      runs: {
        runs: sum(perImport.map((figures) => figures.runs)),
        busyAnswers: sum(perImport.map((figures) => figures.busyAnswers)),
        coveredInDeadLetters: sum(perImport.map((figures) => figures.coveredInDeadLetters.length)),
      },
    };
  } finally {
    await deployment.stop();
  }
}

async function dropAndDrain(
  deployment: LocalDeployment,
  plan: readonly PlannedDrop[],
  beforeDrop: (drop: PlannedDrop) => void,
  scenario: FaultScenario,
): Promise<{ drops: Drop[]; left: MessageCounts; invocations: number; pollerErrors: readonly string[] }> {
  const poller = deployment.startPoller();
  try {
    const drops = await dropOnSchedule(deployment, plan, beforeDrop);
    const left = await waitUntilDrained(deployment.sqs, deployment.ingestQueue.url, scenario.drainTimeoutMs);
    return { drops, left, invocations: poller.invocations.length, pollerErrors: poller.errors };
  } finally {
    await poller.stop();
  }
}
