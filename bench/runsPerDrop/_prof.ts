import { RUNS_PER_DROP_SCENARIOS } from './scenarios';
import { simulateDrop } from './simulateDrop';

const s = RUNS_PER_DROP_SCENARIOS[2]!;
const o = await simulateDrop(s, 'off');
console.log(o.wallMs, o.actions, o.calls.length, o.eventSource);
