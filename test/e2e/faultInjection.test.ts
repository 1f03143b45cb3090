import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMotoServer } from '../support/motoServer';
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

  it('drops every planned file and empties the ingest queue before the deadline', () => {
    // Assess
    expect(run.accounting.files).toBe(SCENARIO.files);
    expect(run.accounting.imports).toBe(SCENARIO.imports);
    expect(run.left).toEqual({ visible: 0, inFlight: 0 });
    expect(run.pollerErrors).toEqual([]);
  });

  it('really injects faults: at least 40 % of the calls fail', () => {
    // Assess
    expect(run.accounting.faultRate).toBeGreaterThanOrEqual(0.4);
  });

  it('loses no file: each was triggered after its drop or waits in the dead-letter queue', () => {
    // Assess
    expect(run.accounting.lost).toEqual([]);
    expect(run.strayDeadLetters).toBe(0);
  });

  it('dead-letters a file only when its import failed maxReceiveCount times after the drop', () => {
    // Assess
    expect(run.accounting.deadLetteredWithoutCause).toEqual([]);
  });
});
