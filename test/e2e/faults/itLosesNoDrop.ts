import { expect, it } from 'vitest';
import type { FaultRun, FaultScenario } from './runFaultScenario';

/**
 * The promise, as the specifications a fault run must meet; shared by the fast variant and the soak.
 * `run` is read lazily because the scenario runs in the caller's `beforeAll`.
 */
export function itLosesNoDrop(scenario: FaultScenario, run: () => FaultRun): void {
  it('drops every planned file and empties the ingest queue before the deadline', () => {
    // Assess
    expect(run().accounting.files).toBe(scenario.files);
    expect(run().accounting.imports).toBe(scenario.imports);
    expect(run().left).toEqual({ visible: 0, inFlight: 0 });
    expect(run().pollerErrors).toEqual([]);
  });

  it('really injects faults: at least 40 % of the calls fail', () => {
    // Assess
    expect(run().accounting.faultRate).toBeGreaterThanOrEqual(0.4);
  });

  it('loses no file: each was triggered after its drop or waits in the dead-letter queue', () => {
    // Assess
    expect(run().accounting.lost).toEqual([]);
    expect(run().strayDeadLetters).toBe(0);
  });

  it('dead-letters a file only when its import failed maxReceiveCount times after the drop', () => {
    // Assess
    expect(run().accounting.deadLetteredWithoutCause).toEqual([]);
  });
}
