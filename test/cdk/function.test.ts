import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORTS_FILE, parseImports } from '../../contract/importMapping';
import { IMPORTS_METADATA_KEY } from '../../contract/stackOutputs';
import {
  DAILY_UUID,
  rawConfigFactory,
  resourceOf,
  type SynthesizedStack,
  synthesizeStack,
  type TemplateResource,
} from './synthesizeStack';

/** The trigger function's environment variables. */
const environmentOf = (synthesized: SynthesizedStack): Record<string, string | object> =>
  resourceOf(synthesized, synthesized.stack.trigger.function).Properties.Environment.Variables;

/** The directory of the function's code asset in the cloud assembly. */
const assetDirectoryOf = (synthesized: SynthesizedStack): string => {
  const fn = resourceOf(synthesized, synthesized.stack.trigger.function);
  return path.join(
    synthesized.assemblyDirectory,
    `asset.${String(fn.Properties.Code.S3Key).replace('.zip', '')}`,
  );
};

/** `count` distinct import mappings under one parent folder. */
const manyImports = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    prefix: `imports/customer-${String(index).padStart(4, '0')}/`,
    uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  }));

describe('Construct: BlueshiftImportTrigger function', () => {
  describe('bundled', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory(), { bundle: true });
    });

    it('runs the ESM bundle of lambda/index.ts on Node.js 24 for arm64, with the AWS SDK require shim', () => {
      // Prepare
      const fn = resourceOf(synthesized, synthesized.stack.trigger.function);

      // Act
      const bundle = readFileSync(path.join(assetDirectoryOf(synthesized), 'index.mjs'), 'utf8');

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

    it('ships one bundle whose SQS client is a chunk loaded on first use, and the import mapping beside it', () => {
      // Act
      const directory = assetDirectoryOf(synthesized);
      const files = readdirSync(directory).sort();
      const bundle = readFileSync(path.join(directory, 'index.mjs'), 'utf8');
      const chunks = readdirSync(path.join(directory, 'chunks')).map((chunk) =>
        readFileSync(path.join(directory, 'chunks', chunk), 'utf8'),
      );
      const shipped = readFileSync(path.join(directory, IMPORTS_FILE), 'utf8');

      // Assess
      expect(files).toEqual(['chunks', IMPORTS_FILE, 'index.mjs'].sort());
      // The SQS client's own code (its service namespace) is only in a chunk the bundle imports on demand.
      expect(bundle).not.toContain('com.amazonaws.sqs');
      expect(bundle).toMatch(/import\("\.\/chunks\/[^"]+\.mjs"\)/);
      expect(chunks.some((chunk) => chunk.includes('com.amazonaws.sqs'))).toBe(true);
      expect(parseImports(shipped)).toEqual(rawConfigFactory().imports);
    });

    it('changes the asset hash when only the imports change, and ships their settleSeconds', () => {
      // Act
      const other = synthesizeStack(
        rawConfigFactory({ imports: [{ prefix: 'other/', uuid: DAILY_UUID, settleSeconds: 120 }] }),
        { bundle: true },
      );

      // Assess
      expect(assetDirectoryOf(other)).not.toBe(assetDirectoryOf(synthesized));
      expect(parseImports(readFileSync(path.join(assetDirectoryOf(other), IMPORTS_FILE), 'utf8'))).toEqual([
        { prefix: 'other/', uuid: DAILY_UUID, settleSeconds: 120 },
      ]);
    });
  });

  describe('with the default settings', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(rawConfigFactory());
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
      });
    });

    it('names its log group after the stack and the construct, so `aws logs tail` finds it before deploying', () => {
      // Prepare
      const { stack, template } = synthesized;

      // Act
      const [logGroup] = Object.values(template.findResources('AWS::Logs::LogGroup'));

      // Assess
      expect(logGroup?.Properties).toEqual({
        LogGroupName: '/blueshift-import-trigger/TestImportTrigger-Trigger',
        RetentionInDays: 90,
      });
      // A fixed name would block deleting the stack and deploying it again if the group outlived it.
      expect(logGroup?.DeletionPolicy).toBe('Delete');
      expect(stack.resolve(stack.trigger.function.logGroup.logGroupName)).toEqual({
        Ref: expect.any(String),
      });
    });

    it('names the deployment in its logs and metrics: Powertools service name from stack and construct', () => {
      // Act
      const environment = environmentOf(synthesized);

      // Assess
      expect(environment.POWERTOOLS_SERVICE_NAME).toBe('TestImportTrigger-Trigger');
    });

    it('passes the ledger settings: table, coverage margin and settle ceiling', () => {
      // Prepare
      const { stack } = synthesized;

      // Act
      const environment = environmentOf(synthesized);

      // Assess
      expect(environment).toMatchObject({
        TRIGGER_LEDGER_TABLE: stack.resolve(stack.trigger.ledgerTable?.tableName),
        COVERAGE_MARGIN_SECONDS: '1',
        MAX_SETTLE_SECONDS: '900',
      });
    });

    it('carries the import mappings as metadata on its resource, for `ops resolve` to read from the template', () => {
      // Act
      const fn = resourceOf(synthesized, synthesized.stack.trigger.function) as TemplateResource & {
        Metadata: Record<string, unknown>;
      };

      // Assess
      expect(fn.Metadata[IMPORTS_METADATA_KEY]).toEqual({ imports: rawConfigFactory().imports });
    });

    it('passes the contract settings and the watched bucket, no imports and nothing that looks like a key', () => {
      // Prepare
      const { stack } = synthesized;

      // Act
      const environment = environmentOf(synthesized);

      // Assess
      expect(Object.keys(environment).sort()).toEqual([
        'ATTEMPTS_PER_INVOCATION',
        'BATCH_WINDOW_SECONDS',
        'BLUESHIFT_API_BASE_URL',
        'BLUESHIFT_SECRET_ID',
        'COVERAGE_MARGIN_SECONDS',
        'MAX_CONCURRENT_CALLS',
        'MAX_RECEIVE_COUNT',
        'MAX_SETTLE_SECONDS',
        'POWERTOOLS_SERVICE_NAME',
        'REQUEST_TIMEOUT_SECONDS',
        'RETRY_BASE_DELAY_SECONDS',
        'RETRY_MAX_DELAY_SECONDS',
        'TRIGGER_LEDGER_TABLE',
        'WATCHED_BUCKET_NAME',
      ]);
      expect(environment).toMatchObject({
        WATCHED_BUCKET_NAME: stack.resolve(stack.trigger.bucket.bucketName),
        MAX_CONCURRENT_CALLS: '4',
        ATTEMPTS_PER_INVOCATION: '3',
        BATCH_WINDOW_SECONDS: String(stack.trigger.config.batchWindowSeconds),
      });
    });
  });

  describe('with 1,000 imports', () => {
    let synthesized: SynthesizedStack;
    beforeAll(() => {
      synthesized = synthesizeStack(
        rawConfigFactory({ imports: manyImports(1000), notifications: 'eventbridge' }),
      );
    });

    it('keeps the environment well under 4 KB, with no per-import data', () => {
      // Act
      const environment = JSON.stringify(synthesized.stack.resolve(environmentOf(synthesized)));

      // Assess
      expect(new TextEncoder().encode(environment).length).toBeLessThan(1024);
      expect(environment).not.toContain('customer-0000');
      expect(environment).not.toContain('00000000-0000-4000-8000');
    });

    it("carries all 1,000 mappings as metadata in a template well within CloudFormation's 1 MB", () => {
      // Act
      const template = JSON.stringify(synthesized.template.toJSON());
      const fn = resourceOf(synthesized, synthesized.stack.trigger.function) as TemplateResource & {
        Metadata: Record<string, { imports: unknown[] }>;
      };

      // Assess
      expect(fn.Metadata[IMPORTS_METADATA_KEY]?.imports).toEqual(manyImports(1000));
      expect(new TextEncoder().encode(template).length).toBeLessThan(512 * 1024);
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
          maxConcurrentCalls: 8,
          attemptsPerInvocation: 5,
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

    it('tells the handler the EU host, the secret (as a partial ARN) and the retry settings', () => {
      // Assess
      const { stack } = synthesized;
      expect(environmentOf(synthesized).BLUESHIFT_SECRET_ID).toEqual(
        stack.resolve(stack.trigger.apiKeySecret.secretArn),
      );
      expect(JSON.stringify(environmentOf(synthesized).BLUESHIFT_SECRET_ID)).toMatch(
        /:secret:blueshift\/user-api-key"/,
      );
      expect(environmentOf(synthesized)).toMatchObject({
        BLUESHIFT_API_BASE_URL: 'https://api.eu.getblueshift.com',
        REQUEST_TIMEOUT_SECONDS: '15',
        MAX_CONCURRENT_CALLS: '8',
        ATTEMPTS_PER_INVOCATION: '5',
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
