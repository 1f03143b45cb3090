import { z } from 'zod';
import { S3_MAX_KEY_BYTES } from './awsLimits';
import { keyPartSchema, shortestKeyBytes } from './keyPart';

// Either case, spelled out rather than with the `i` flag, which JSON Schema patterns cannot carry.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const uuidProblem = (input: unknown) =>
  `must be an import task UUID like 0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f (got ${JSON.stringify(input)})`;

/**
 * The longest settle window, and the ceiling of `maxSettleSeconds`: an hour, so a settle wait stays far inside
 * SQS's 12 h visibility limit and a drop's first file is imported the same hour.
 */
export const MAX_SETTLE_SECONDS = 3600;

const settleProblem = (input: unknown) =>
  `must be a whole number of seconds from 1 to ${MAX_SETTLE_SECONDS} (got ${JSON.stringify(input)})`;

const importFields = {
  prefix: keyPartSchema('prefix').meta({
    description: 'Object key prefix to watch, as stored in S3 (not URL-encoded), e.g. `customers/daily/`.',
  }),
  uuid: z
    .string({ error: (issue) => uuidProblem(issue.input) })
    .regex(UUID, { error: (issue) => uuidProblem(issue.input) })
    .toLowerCase()
    .meta({
      description: 'Blueshift customer-attributes import task UUID (the last part of its dashboard URL).',
    }),
  suffix: keyPartSchema('suffix')
    .optional()
    .meta({ description: 'Only keys ending with this trigger the import, e.g. `.csv` or `_SUCCESS`.' }),
  settleSeconds: z
    .int({ error: (issue) => settleProblem(issue.input) })
    .min(1, { error: (issue) => settleProblem(issue.input) })
    .max(MAX_SETTLE_SECONDS, { error: (issue) => settleProblem(issue.input) })
    .optional()
    .meta({
      description:
        'Trigger only once no new file of this import has landed for this long (records wait by visibility), so a multi-file export without a marker file costs one run; at most `maxSettleSeconds`; needs `triggerLedger`.',
    }),
};

const isValid = (field: keyof typeof importFields, value: unknown) =>
  importFields[field].safeParse(value).success;

/** One watched prefix (and, optionally, file ending) and the Blueshift import its files trigger. */
export const importSchema = z
  .strictObject(importFields, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'is not a known field (prefix, uuid, suffix, settleSeconds)'
        : 'must be an object with "prefix" and "uuid"',
  })
  .superRefine(
    ({ prefix, suffix }, ctx) => {
      if (suffix === undefined || shortestKeyBytes(prefix, suffix) <= S3_MAX_KEY_BYTES) return;
      ctx.addIssue({
        code: 'custom',
        path: ['suffix'],
        message: `with the prefix makes keys of at least ${shortestKeyBytes(prefix, suffix)} bytes; an S3 key holds at most ${S3_MAX_KEY_BYTES}`,
      });
    },
    {
      when: ({ value }) =>
        isValid('prefix', field(value, 'prefix')) && isValid('suffix', field(value, 'suffix')),
    },
  );

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

interface KeyFilter {
  readonly prefix: string;
  readonly suffix?: string | undefined;
}

/**
 * Why mapping `later` (imports[laterIndex]) clashes with `earlier` (imports[earlierIndex]) under the same prefix:
 * two suffixes overlap when one is absent or one ends with the other, for then a key can match both.
 */
function clash(earlier: KeyFilter, earlierIndex: number, later: KeyFilter): [string, string] | undefined {
  const [a, b] = [earlier.suffix, later.suffix];
  if (a === b) {
    return a === undefined
      ? ['prefix', `duplicates imports[${earlierIndex}].prefix "${earlier.prefix}"`]
      : ['suffix', `duplicates imports[${earlierIndex}] (prefix "${earlier.prefix}", suffix "${a}")`];
  }
  if (a === undefined || b === undefined) {
    return [
      b === undefined ? 'prefix' : 'suffix',
      `overlaps imports[${earlierIndex}] under prefix "${earlier.prefix}": a mapping without a suffix matches ` +
        `every key, so give both suffixes that do not end with each other`,
    ];
  }
  if (!a.endsWith(b) && !b.endsWith(a)) return undefined;
  const longer = a.length > b.length ? a : b;
  return [
    'suffix',
    `overlaps imports[${earlierIndex}].suffix "${a}" under prefix "${earlier.prefix}": a key ending "${longer}" ` +
      `matches both`,
  ];
}

/** The prefix-to-import mappings: at least one; no two may match the same key under the same prefix. */
export const importsSchema = z
  .array(importSchema, {
    error: 'must be a non-empty list of { "prefix", "uuid", "suffix"?, "settleSeconds"? }',
  })
  .min(1, { error: 'must be a non-empty list of { "prefix", "uuid", "suffix"?, "settleSeconds"? }' })
  .superRefine(
    (imports, ctx) => {
      const byPrefix = new Map<string, number[]>();
      imports.forEach((mapping, index) => {
        // A clash is judged only between entries whose prefix and suffix are themselves valid.
        if (!isValid('prefix', field(mapping, 'prefix')) || !isValid('suffix', field(mapping, 'suffix')))
          return;
        const earlier = byPrefix.get(mapping.prefix) ?? [];
        for (const earlierIndex of earlier) {
          const found = clash(imports[earlierIndex] as KeyFilter, earlierIndex, mapping);
          if (found) {
            ctx.addIssue({ code: 'custom', path: [index, found[0]], message: found[1] });
            return;
          }
        }
        byPrefix.set(mapping.prefix, [...earlier, index]);
      });
    },
    { when: ({ value }) => Array.isArray(value) },
  );
