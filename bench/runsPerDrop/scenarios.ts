import { CONFIG_DEFAULTS } from '../../lib/config/schema';
import { FAST_SETTINGS as LOCAL_FAST_SETTINGS } from '../../local/deployLocally';
import type { DropScenario, SimulationSettings } from './dropScenario';

/** The stack's defaults, as a deployment that sets nothing gets them. */
export const DEFAULT_SETTINGS: SimulationSettings = {
  batchSize: CONFIG_DEFAULTS.batchSize,
  batchWindowSeconds: CONFIG_DEFAULTS.batchWindowSeconds,
  maxConcurrency: CONFIG_DEFAULTS.maxConcurrency,
  functionTimeoutSeconds: CONFIG_DEFAULTS.functionTimeoutSeconds,
  maxReceiveCount: CONFIG_DEFAULTS.maxReceiveCount,
  retryBaseDelaySeconds: CONFIG_DEFAULTS.retryBaseDelaySeconds,
  retryMaxDelaySeconds: CONFIG_DEFAULTS.retryMaxDelaySeconds,
  attemptsPerInvocation: CONFIG_DEFAULTS.attemptsPerInvocation,
  maxConcurrentCalls: CONFIG_DEFAULTS.maxConcurrentCalls,
  requestTimeoutSeconds: CONFIG_DEFAULTS.requestTimeoutSeconds,
  coverageMarginSeconds: 1,
  maxSettleSeconds: 900,
  callLatencyMs: 200,
};

/** The e2e tests' fast retries (local/deployLocally.ts), where issue 9's figures were measured. */
export const FAST_SETTINGS: SimulationSettings = {
  ...DEFAULT_SETTINGS,
  ...LOCAL_FAST_SETTINGS,
  callLatencyMs: 20,
};

/**
 * The e2e tests' fast retries with the stack's default receives (10). A settle window calls once a record has
 * used half its receives (so its retries keep the other half): with 3 receives that is the second receive,
 * before the window closes, and a drop costs two runs; a deployment that sets a settle window keeps the
 * default receives.
 */
export const FAST_SETTLE_SETTINGS: SimulationSettings = {
  ...FAST_SETTINGS,
  maxReceiveCount: DEFAULT_SETTINGS.maxReceiveCount,
};

/**
 * The drops the bench simulates, ledger on and off. "stand-in" is issue 9's measurement: drops landing for
 * about 5 s, 1.5 s runs, the e2e tests' fast retries (3 receives; 10 with a settle window).
 */
export const RUNS_PER_DROP_SCENARIOS: readonly DropScenario[] = [
  {
    name: 'stand-in: 100 files in 5 s, 1.5 s runs',
    files: 100,
    spanSeconds: 5,
    imports: 1,
    runSeconds: 1.5,
    seed: 9,
    settings: FAST_SETTINGS,
  },
  {
    name: '1,000 files in 30 min, 10 min runs',
    files: 1_000,
    spanSeconds: 1_800,
    imports: 1,
    runSeconds: 600,
    seed: 1_000,
    settings: DEFAULT_SETTINGS,
  },
  {
    name: '1,000 files, 5 imports, 30 min, 10 min runs, 20 % 503s',
    files: 1_000,
    spanSeconds: 1_800,
    imports: 5,
    runSeconds: 600,
    transientShare: 0.2,
    seed: 5_003,
    settings: DEFAULT_SETTINGS,
  },
  {
    name: 'stand-in, settleSeconds 5',
    files: 100,
    spanSeconds: 5,
    imports: 1,
    runSeconds: 1.5,
    settleSeconds: 5,
    seed: 95,
    settings: FAST_SETTLE_SETTINGS,
  },
  {
    name: '1,000 files in 2 min, 10 min runs, settleSeconds 60',
    files: 1_000,
    spanSeconds: 120,
    imports: 1,
    runSeconds: 600,
    settleSeconds: 60,
    seed: 60,
    settings: DEFAULT_SETTINGS,
  },
];
