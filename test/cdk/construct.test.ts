import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORTS_FILE, parseImports } from '../../contract/importMapping';
import { ConfigError } from '../../lib/config/validateConfig';
import { BlueshiftImportTrigger, type BlueshiftImportTriggerProps } from '../../lib/index';
import { DAILY_UUID, SKIP_BUNDLING_CONTEXT } from './synthesizeStack';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORTS = [{ prefix: 'in/', uuid: DAILY_UUID }];
const temporaryDirectories: string[] = [];

/** A stack in someone else's app: no configuration of ours, bundling skipped. */
const hostStackFactory = (env?: { account: string; region: string }) =>
  new Stack(new App({ context: SKIP_BUNDLING_CONTEXT }), 'HostStack', env ? { env } : {});

/** The host app's own bucket, secret and topic, whose names and ARNs are deploy-time tokens. */
const hostResourcesFactory = (stack: Stack) => ({
  bucket: new Bucket(stack, 'HostBucket'),
  apiKeySecret: new Secret(stack, 'HostSecret'),
  alarmTopic: new Topic(stack, 'HostTopic'),
});

/** Synthesises an app that uses the construct from a temporary directory, as another project would. */
const synthesizeFromOtherDirectory = () => {
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'host-app-'));
  temporaryDirectories.push(workDirectory);
  const script = path.join(workDirectory, 'host-app.mts');
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(REPO_ROOT, 'package.json'))});
const { App, Stack } = require('aws-cdk-lib');
const { Bucket } = require('aws-cdk-lib/aws-s3');
const { Secret } = require('aws-cdk-lib/aws-secretsmanager');
const { BlueshiftImportTrigger } = await import(${JSON.stringify(path.join(REPO_ROOT, 'lib', 'index.ts'))});
const app = new App({ outdir: 'cdk.out' });
const stack = new Stack(app, 'HostStack');
const trigger = new BlueshiftImportTrigger(stack, 'Imports', {
  imports: ${JSON.stringify(IMPORTS)},
  bucket: new Bucket(stack, 'Drops'),
  apiKeySecret: new Secret(stack, 'Key'),
});
const fn = stack.resolve(trigger.function.node.defaultChild.code);
console.log(JSON.stringify({ directory: app.synth().directory, s3Key: fn.s3Key }));
`,
  );
  const run = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script],
    {
      cwd: workDirectory,
      encoding: 'utf8',
    },
  );
  return { ...run, workDirectory };
};

describe('Construct: BlueshiftImportTrigger in another app', () => {
  afterEach(() => {
    for (const directory of temporaryDirectories.splice(0))
      rmSync(directory, { recursive: true, force: true });
  });

  it('applies the defaults to the props it is given', () => {
    // Act
    const trigger = new BlueshiftImportTrigger(hostStackFactory(), 'Imports', {
      imports: [{ prefix: 'in/', uuid: DAILY_UUID.toUpperCase() }],
      maxConcurrency: 3,
    });

    // Assess
    expect(trigger.config).toMatchObject({
      maxConcurrency: 3,
      maxConcurrentCalls: 4,
      attemptsPerInvocation: 3,
      notifications: 's3',
      apiBaseUrl: 'https://api.getblueshift.com',
      imports: [{ prefix: 'in/', uuid: DAILY_UUID }],
    });
  });

  it('rejects invalid props with every problem listed', () => {
    // Act
    const build = () =>
      new BlueshiftImportTrigger(hostStackFactory(), 'Imports', {
        imports: [{ prefix: '', uuid: DAILY_UUID }],
        memorySizeMb: 1,
      });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/imports\[0\]\.prefix[\s\S]*memorySizeMb/);
  });

  it("uses the host's own bucket, secret and topic, whose names are only known at deploy", () => {
    // Prepare
    const stack = hostStackFactory();
    const host = hostResourcesFactory(stack);
    const props: BlueshiftImportTriggerProps = { imports: IMPORTS, ...host };

    // Act
    const trigger = new BlueshiftImportTrigger(stack, 'Imports', props);

    // Assess
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          WATCHED_BUCKET_NAME: stack.resolve(host.bucket.bucketName),
          BLUESHIFT_SECRET_ID: stack.resolve(host.apiKeySecret.secretArn),
        }),
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [stack.resolve(host.alarmTopic.topicArn)],
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: stack.resolve(host.bucket.bucketName),
    });
    expect(trigger.bucket).toBe(host.bucket);
    expect(trigger.apiKeySecret).toBe(host.apiKeySecret);
  });

  it("rejects an alarm topic outside the stack's region when both regions are known", () => {
    // Act
    const build = () => {
      const stack = hostStackFactory({ account: '123456789012', region: 'us-east-1' });
      const alarmTopic = Topic.fromTopicArn(stack, 'Elsewhere', 'arn:aws:sns:eu-west-1:123456789012:alerts');
      return new BlueshiftImportTrigger(stack, 'Imports', { imports: IMPORTS, alarmTopic });
    };

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/eu-west-1.*us-east-1/);
  });

  it("lists an alarm topic and a secret outside the stack's region together", () => {
    // Prepare
    const stack = hostStackFactory({ account: '123456789012', region: 'us-east-1' });
    const alarmTopic = Topic.fromTopicArn(stack, 'Elsewhere', 'arn:aws:sns:eu-west-1:123456789012:alerts');
    const apiKeySecret = Secret.fromSecretCompleteArn(
      stack,
      'SecretElsewhere',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:blueshift-AbCdEf',
    );

    // Act
    const build = () =>
      new BlueshiftImportTrigger(stack, 'Imports', { imports: IMPORTS, alarmTopic, apiKeySecret });

    // Assess
    expect(build).toThrow(
      /\(2 problem\(s\)\)[\s\S]*alarmTopic: is in eu-west-1[\s\S]*apiKeySecret: is in eu-west-1/,
    );
  });

  it('accepts an alarm topic in the same region, and one whose region is a token', () => {
    // Prepare
    const pinned = hostStackFactory({ account: '123456789012', region: 'eu-west-1' });
    const agnostic = hostStackFactory();

    // Act
    const build = () => {
      new BlueshiftImportTrigger(pinned, 'Imports', {
        imports: IMPORTS,
        alarmTopic: Topic.fromTopicArn(pinned, 'Here', 'arn:aws:sns:eu-west-1:123456789012:alerts'),
      });
      new BlueshiftImportTrigger(agnostic, 'Imports', {
        imports: IMPORTS,
        alarmTopic: Topic.fromTopicArn(agnostic, 'Anywhere', 'arn:aws:sns:eu-west-1:123456789012:alerts'),
      });
    };

    // Assess
    expect(build).not.toThrow();
  });

  it('gives two triggers in one stack ingest queues of different names', () => {
    // Prepare
    const stack = hostStackFactory();

    // Act
    new BlueshiftImportTrigger(stack, 'First', { imports: IMPORTS });
    new BlueshiftImportTrigger(stack, 'Second', { imports: IMPORTS });

    // Assess
    const queueNames = Object.values(Template.fromStack(stack).findResources('AWS::SQS::Queue'))
      .map((queue) => queue.Properties.QueueName)
      .filter(Boolean);
    expect(queueNames).toHaveLength(2);
    expect(new Set(queueNames).size).toBe(2);
    for (const name of queueNames) expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it('gives two triggers in one stack their own log group, service name and ledger table', () => {
    // Prepare
    const stack = hostStackFactory();

    // Act
    const first = new BlueshiftImportTrigger(stack, 'First', { imports: IMPORTS });
    const second = new BlueshiftImportTrigger(stack, 'Second', { imports: IMPORTS });

    // Assess
    const template = Template.fromStack(stack);
    const logGroupNames = Object.values(template.findResources('AWS::Logs::LogGroup')).map(
      (logGroup) => logGroup.Properties.LogGroupName,
    );
    expect(logGroupNames.sort()).toEqual([
      '/blueshift-import-trigger/HostStack-First',
      '/blueshift-import-trigger/HostStack-Second',
    ]);
    // The functions with an environment are the triggers (not aws-cdk-lib's bucket-notifications handler).
    const serviceNames = Object.values(template.findResources('AWS::Lambda::Function'))
      .filter((fn) => fn.Properties.Environment)
      .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME);
    expect(serviceNames.sort()).toEqual(['HostStack-First', 'HostStack-Second']);
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    expect(stack.resolve(first.ledgerTable?.tableName)).not.toEqual(
      stack.resolve(second.ledgerTable?.tableName),
    );
  });

  it('refuses two triggers with one id under different parents of a stack, whose queue names would clash', () => {
    // Prepare
    const stack = hostStackFactory();
    new BlueshiftImportTrigger(new Construct(stack, 'TeamA'), 'Imports', { imports: IMPORTS });

    // Act
    let error: unknown;
    try {
      new BlueshiftImportTrigger(new Construct(stack, 'TeamB'), 'Imports', { imports: IMPORTS });
    } catch (thrown) {
      error = thrown;
    }

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /TeamB\/Imports: another BlueshiftImportTrigger in this stack has the id "Imports"/,
    );
  });

  it("bundles the handler and its imports when the app runs from another project's directory", () => {
    // Act
    const run = synthesizeFromOtherDirectory();

    // Assess
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const { directory, s3Key } = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    // The assembly lands in the host's directory: the app resolved its outdir from its own cwd.
    const assetDirectory = path.resolve(
      run.workDirectory,
      directory,
      `asset.${String(s3Key).replace('.zip', '')}`,
    );
    expect(readdirSync(assetDirectory).sort()).toEqual(['chunks', IMPORTS_FILE, 'index.mjs'].sort());
    expect(parseImports(readFileSync(path.join(assetDirectory, IMPORTS_FILE), 'utf8'))).toEqual(IMPORTS);
  });
});
