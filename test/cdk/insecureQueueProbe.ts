/**
 * Preloaded with `node --import` before bin/app.ts by test/cdk/app.test.ts: just before synthesis, adds to
 * every stack a queue that breaks AwsSolutions-SQS4 (no TLS-only policy) and Serverless-SQSRedrivePolicy (no
 * dead-letter queue). Each pack the app applies must fail synthesis naming that queue; a pack it does not apply
 * reports nothing.
 */
import { App, Stack } from 'aws-cdk-lib';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';

export const PROBE_ID = 'DeliberatelyInsecureQueue';

const synth = App.prototype.synth;
App.prototype.synth = function synthWithProbe(this: App, ...args: Parameters<App['synth']>) {
  for (const stack of this.node.children.filter(Stack.isStack)) new CfnQueue(stack, PROBE_ID);
  return synth.apply(this, args);
};
