import { afterAll, beforeAll, describe } from 'vitest';
import { type MotoServer, startMotoServer } from '../../local/moto/motoServer';
import { itLosesNoDrop } from './faults/itLosesNoDrop';
import { type FaultRun, type FaultScenario, runFaultScenario } from './faults/runFaultScenario';

/** About 60 files over 3 imports, most calls failing: small enough for every `npm test`. */
const SCENARIO: FaultScenario = {
  seed: 20240601,
  files: 60,
  imports: 3,
  dropSpanMs: 8_000,
  faultProbability: [0.4, 0.85],
  maxBusyCalls: 3,
  closingOutageMs: 3_000,
  maxConcurrency: 3,
  maxReceiveCount: 3,
  drainTimeoutMs: 30_000,
};

let moto: MotoServer;
let run: FaultRun;

describe('End to end: no drop is lost under injected Blueshift faults (fast variant)', () => {
  beforeAll(async () => {
    moto = await startMotoServer();
    run = await runFaultScenario(moto.endpoint, SCENARIO);
    const { accounting: a } = run;
    console.log(
      `${a.files} files, ${a.calls} calls (${(a.faultRate * 100).toFixed(0)} % faulted), ` +
        `${a.filesTriggered} triggered, ${a.filesDeadLettered} dead-lettered, ${a.lost.length} lost`,
    );
  });
  afterAll(async () => {
    await moto?.stop();
  });

  itLosesNoDrop(SCENARIO, () => run);
});
