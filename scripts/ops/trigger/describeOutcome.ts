import type { OutcomeVerdict } from '../../../contract/redeliveryPolicy';
import type { TriggerOutcome } from '../../../lambda/triggerWithRetries';

/** What an operator should do after each verdict. */
const ADVICE: Readonly<Record<OutcomeVerdict, string>> = {
  triggered: '',
  busy: 'the import is probably running already (a run takes minutes); try again later',
  transient: 'Blueshift or the network failed for now; try again in a minute',
  unauthorized: 'Blueshift refused the API key: put a valid User API key in the secret',
  rejected: 'Blueshift refused the request: check the import UUID',
  'key-unavailable': 'the API key could not be read: check the secret',
  deadline: 'out of time before Blueshift answered; try again',
};

/** One line saying how the trigger ended, with Blueshift's status and message and, on failure, what to do. */
export function describeOutcome(uuid: string, outcome: TriggerOutcome): string {
  const status = outcome.status === undefined ? '' : ` ${outcome.status}`;
  const message = outcome.message ? `: ${outcome.message}` : '';
  const attempts = `${outcome.attempts} attempt(s)`;
  if (outcome.verdict === 'triggered') {
    return `Triggered import ${uuid} (${outcome.verdict}${status}${message}) after ${attempts}.`;
  }
  return `Not triggered: import ${uuid} ${outcome.verdict}${status}${message} after ${attempts}; ${ADVICE[outcome.verdict]}.`;
}
