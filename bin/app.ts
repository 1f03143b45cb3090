import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { validateStackName } from '../lib/config/stackName';
import { ConfigError } from '../lib/config/validateConfig';
import { TriggerImportStack } from '../lib/TriggerImportStack';

// Synthesised explicitly below, so an invalid configuration writes no template at all.
const app = new App({ autoSynth: false });
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

try {
  const stackName = validateStackName(app.node.tryGetContext('stackName'));
  new TriggerImportStack(app, stackName, {
    stackName,
    ...(account && region ? { env: { account, region } } : {}),
  });
  // Both packs run on every synth: a finding fails it unless acknowledged, with a reason, on its resource.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  app.synth();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // The problem list is the whole message; a stack trace would only bury it.
  console.error(error.message);
  process.exitCode = 1;
}
