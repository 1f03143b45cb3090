import { z } from 'zod';
import { S3_MAX_KEY_BYTES } from './awsLimits';

/** UTF-8 length, which S3 counts key lengths in. */
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Where a prefix or suffix is wrong in a way S3 can never match as meant, the message gives the fix. */
function keyPartProblem(kind: 'prefix' | 'suffix', value: string): string | undefined {
  if (value.length === 0) {
    return kind === 'prefix'
      ? 'must be a non-empty string (a whole-bucket watch is not supported)'
      : 'must be a non-empty string when given';
  }
  if (/\p{Cs}/u.test(value)) return 'must be valid Unicode text (S3 keys are UTF-8)';
  if (utf8Bytes(value) > S3_MAX_KEY_BYTES) {
    return `is ${utf8Bytes(value)} bytes of UTF-8; an S3 key holds at most ${S3_MAX_KEY_BYTES}`;
  }
  if (kind === 'prefix' && /^s3:\/\//i.test(value)) {
    const key = value.replace(/^s3:\/\/[^/]*\/?/i, '');
    return `give the key prefix only, without s3:// and the bucket: use "${key}"`;
  }
  if (kind === 'prefix' && value.startsWith('/')) {
    return `S3 keys do not start with /: use "${value.replace(/^\/+/, '')}"`;
  }
  if (value.includes('*')) {
    const literal =
      kind === 'prefix' ? value.slice(0, value.indexOf('*')) : value.slice(value.lastIndexOf('*') + 1);
    const side = kind === 'prefix' ? 'before the first' : 'after the last';
    return `S3 ${kind}es are literal; use the common part ${side} *: "${literal}"`;
  }
  return undefined;
}

/** An import's key prefix or suffix, as stored in S3 (not URL-encoded). */
export function keyPartSchema(kind: 'prefix' | 'suffix') {
  return z
    .string({ error: `must be a string (got a ${kind} that is not text)` })
    .superRefine((value, ctx) => {
      const problem = keyPartProblem(kind, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Bytes of the shortest key that starts with `prefix` and ends with `suffix` (the two may share characters). */
export function shortestKeyBytes(prefix: string, suffix: string): number {
  for (let shared = Math.min(prefix.length, suffix.length); shared > 0; shared--) {
    if (prefix.endsWith(suffix.slice(0, shared))) return utf8Bytes(prefix) + utf8Bytes(suffix.slice(shared));
  }
  return utf8Bytes(prefix) + utf8Bytes(suffix);
}
