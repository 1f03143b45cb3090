import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourceOf,
  type SynthesizedStack,
  synthesizeStack,
} from './synthesizeStack';

/** The trigger function's environment variables. */
const environmentOf = (synthesized: SynthesizedStack): Record<string, string | object> =>
  resourceOf(synthesized, synthesized.stack.trigger.function).Properties.Environment.Variables;

describe('Construct: BlueshiftImportTrigger function', () => {
  describe('with the default settings', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory());
    });

    it('runs the ESM bundle of lambda/index.ts on Node.js 24 for arm64, with the AWS SDK require shim', () => {
      // Prepare
      const fn = resourceOf(synthesized, synthesized.stack.trigger.function);
      const assetHash = (fn.Properties.Code.S3Key as string).replace('.zip', '');

      // Act
      const bundle = readFileSync(
        path.join(synthesized.assemblyDirectory, `asset.${assetHash}`, 'index.mjs'),
        'utf8',
      );

      // Assess
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
      expect(
        bundle.startsWith(
          "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        ),
      ).toBe(true);
    });

    it('ships the SQS client as its own package beside the handler, out of the cold-start bundle', async () => {
      // Prepare
      const fn = resourceOf(synthesized, synthesized.stack.trigger.function);
      const assetDirectory = path.join(
        synthesized.assemblyDirectory,
        `asset.${(fn.Properties.Code.S3Key as string).replace('.zip', '')}`,
      );
      const lazyPackage = path.join(assetDirectory, 'node_modules', '@aws-sdk', 'client-sqs');

      // Act
      const handlerBundle = readFileSync(path.join(assetDirectory, 'index.mjs'), 'utf8');
      const sqs = await import(path.join(lazyPackage, 'index.mjs'));

      // Assess
      expect(handlerBundle).toContain('@aws-sdk/client-sqs');
      expect(handlerBundle).not.toContain('ChangeMessageVisibilityBatch"');
      expect(JSON.parse(readFileSync(path.join(lazyPackage, 'package.json'), 'utf8'))).toMatchObject({
        name: '@aws-sdk/client-sqs',
        type: 'module',
        exports: './index.mjs',
      });
      expect(typeof sqs.SQSClient).toBe('function');
      expect(typeof sqs.ChangeMessageVisibilityBatchCommand).toBe('function');
    });

    it('logs JSON at INFO, system logs at WARN, to its own log group with the configured retention', () => {
      // Prepare
      const { stack, template } = synthesized;

      // Assess
      template.hasResourceProperties('AWS::Lambda::Function', {
        LoggingConfig: {
          LogFormat: 'JSON',
          ApplicationLogLevel: 'INFO',
          SystemLogLevel: 'WARN',
          LogGroup: stack.resolve(stack.trigger.function.logGroup.logGroupName),
        },
      });
      template.resourceCountIs('AWS::Logs::LogGroup', 1);
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
      expect(environmentOf(synthesized)).toMatchObject({
        BLUESHIFT_SECRET_ID: stack.resolve(stack.trigger.apiKeySecret.secretArn),
        BLUESHIFT_API_BASE_URL: 'https://api.getblueshift.com',
        POWERTOOLS_SERVICE_NAME: 'blueshift-import-trigger',
      });
    });

    it('passes the imports and the retry settings, and nothing that looks like a key', () => {
      // Act
      const environment = environmentOf(synthesized);

      // Assess
      expect(JSON.parse(environment.BLUESHIFT_IMPORTS as string)).toEqual(rawConfigFactory().imports);
      expect(Object.keys(environment).sort()).toEqual([
        'BLUESHIFT_API_BASE_URL',
        'BLUESHIFT_IMPORTS',
        'BLUESHIFT_SECRET_ID',
        'MAX_RECEIVE_COUNT',
        'POWERTOOLS_SERVICE_NAME',
        'REQUEST_TIMEOUT_SECONDS',
        'RETRY_BASE_DELAY_SECONDS',
        'RETRY_MAX_DELAY_SECONDS',
      ]);
    });
  });

  describe('with every setting given', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(
        rawConfigFactory({
          imports: [{ prefix: 'in/', uuid: DAILY_UUID }],
          apiRegion: 'eu',
          apiKeySecretName: 'blueshift/user-api-key',
          memorySizeMb: 512,
          functionTimeoutSeconds: 120,
          logRetentionDays: 30,
          batchSize: 50,
          batchWindowSeconds: 20,
          maxConcurrency: 4,
          maxReceiveCount: 5,
          requestTimeoutSeconds: 15,
          retryBaseDelaySeconds: 60,
          retryMaxDelaySeconds: 600,
        }),
      );
    });

    it('sizes the function and its logs from the configuration', () => {
      // Assess
      synthesized.template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 512, Timeout: 120 });
      synthesized.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    it('reads batches with partial batch responses, the batching window and the concurrency cap', () => {
      // Assess
      synthesized.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        BatchSize: 50,
        MaximumBatchingWindowInSeconds: 20,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 4 },
      });
    });

    it('tells the handler the EU host, the secret name and the retry settings', () => {
      // Assess
      expect(environmentOf(synthesized)).toMatchObject({
        BLUESHIFT_API_BASE_URL: 'https://api.eu.getblueshift.com',
        BLUESHIFT_SECRET_ID: 'blueshift/user-api-key',
        REQUEST_TIMEOUT_SECONDS: '15',
        RETRY_BASE_DELAY_SECONDS: '60',
        RETRY_MAX_DELAY_SECONDS: '600',
        MAX_RECEIVE_COUNT: '5',
      });
    });
  });

  describe('with an API base URL override and no batching window', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(
        rawConfigFactory({
          apiBaseUrl: 'https://sandbox.example.com/',
          batchSize: 10,
          batchWindowSeconds: 0,
        }),
      );
    });

    it('tells the handler the override', () => {
      // Assess
      expect(environmentOf(synthesized)).toMatchObject({
        BLUESHIFT_API_BASE_URL: 'https://sandbox.example.com',
      });
    });

    it('sets no batching window on the event source', () => {
      // Assess
      synthesized.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: Match.absent(),
      });
    });
  });
});
