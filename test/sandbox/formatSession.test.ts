import { describe, expect, it } from 'vitest';
import { deadLetterChange, formatBanner, formatSummary } from '../../local/sandbox/formatSession';
import { DAILY, VIP } from './factories';

const ENV = {
  AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
};

describe('Function: formatBanner()', () => {
  it('prints the exact aws s3 cp and ops commands for this sandbox', () => {
    // Act
    const lines = formatBanner({
      endpoint: 'http://127.0.0.1:4566',
      bucket: 'drops',
      folder: '/repo/sandbox/drops',
      stackName: 'BlueshiftSandbox',
      imports: [DAILY, VIP],
      blueshift: 'stand-in (runs end at once)',
      timing: 'fast',
      awsEnvironment: ENV,
    });

    // Assess
    const env =
      'AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing';
    expect(lines).toContain(
      '  AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing aws s3 cp <file> s3://drops/<key> --endpoint-url http://127.0.0.1:4566',
    );
    expect(lines).toContain(`  ${env} npm run ops -- status --stack BlueshiftSandbox`);
    expect(lines).toContain(`  ${env} npm run ops -- redrive --copy --stack BlueshiftSandbox`);
    expect(lines).toContain(`imports: customers/daily/*.csv → ${DAILY.uuid}; customers/vip/ → ${VIP.uuid}`);
  });
});

describe('Function: formatSummary()', () => {
  it('counts files, triggers, calls, runs, covered files, retries and dead letters', () => {
    // Act
    const line = formatSummary({
      files: 3,
      triggers: 2,
      blueshiftCalls: 5,
      runs: 2,
      covered: 1,
      retried: 2,
      deadLetters: 0,
    });

    // Assess
    expect(line).toBe(
      'summary: 3 file(s), 2 trigger(s) from 5 Blueshift call(s), 2 import run(s) started, 1 covered, 2 retried receive(s), 0 in the dead-letter queue',
    );
  });

  it('leaves out the runs when Blueshift is live', () => {
    // Act + Assess
    expect(
      formatSummary({ files: 1, triggers: 1, blueshiftCalls: 0, covered: 0, retried: 0, deadLetters: 0 }),
    ).not.toContain('run(s)');
  });
});

describe('Function: deadLetterChange()', () => {
  it('names the redrive command when messages arrive, and the drop when they leave', () => {
    // Act + Assess
    expect(deadLetterChange(0, 1, 'S')).toBe(
      'dead-letter queue: 1 message(s) (+1); redrive with npm run ops -- redrive --copy --stack S',
    );
    expect(deadLetterChange(2, 0, 'S')).toBe('dead-letter queue: 0 message(s) (-2: redriven or removed)');
  });
});
