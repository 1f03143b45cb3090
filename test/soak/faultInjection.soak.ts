import { afterAll, beforeAll, describe } from 'vitest';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { formatAccounting } from '../e2e/faults/formatAccounting';
import { itLosesNoDrop } from '../e2e/faults/itLosesNoDrop';
import { type FaultRun, type FaultScenario, runFaultScenario } from '../e2e/faults/runFaultScenario';

/** A whole number from the environment, or the default. */
const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

const files = fromEnv('SOAK_FILES', 1_000);
/** At least 1,000 files over at least 5 imports, most calls failing; SOAK_FILES, SOAK_IMPORTS, SOAK_SEED resize it. */
const SCENARIO: FaultScenario = {
  seed: fromEnv('SOAK_SEED', 7_919),
  files,
  imports: fromEnv('SOAK_IMPORTS', 5),
  // About 16 drops a second: a steady stream with bursts, not one burst the event source drains at once.
  dropSpanMs: files * 60,
  faultProbability: [0.4, 0.9],
  maxBusyCalls: 3,
  closingOutageMs: 6_000,
  maxConcurrency: 4,
  maxReceiveCount: 3,
  drainTimeoutMs: 180_000,
  // Calls that no fault takes start a 2 s import run: a trigger during one gets 405, as from Blueshift.
  runSeconds: 2,
};

let moto: MotoServer;
let run: FaultRun;

describe('Soak: no drop is lost under a seeded storm of Blueshift faults', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    run = await runFaultScenario(moto.endpoint, SCENARIO);
    console.log(
      `\nFault-injection soak (seed ${SCENARIO.seed})\n${formatAccounting(run.accounting, {
        'function invocations': run.invocations,
        'left in the ingest queue': run.left.visible + run.left.inFlight,
        'stray dead letters': run.strayDeadLetters,
        'import runs started': run.runs.runs,
        '405 answers': run.runs.busyAnswers,
        'covered by a run, yet dead-lettered': run.runs.coveredInDeadLetters,
        'wall time': `${(run.wallMs / 1000).toFixed(1)} s`,
      })}`,
    );
    if (run.accounting.lost.length > 0) console.log(`Lost: ${run.accounting.lost.join(', ')}`);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  itLosesNoDrop(SCENARIO, () => run);
});
