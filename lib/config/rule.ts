import { z } from 'zod';
import type { SettingsValues, settingsShape } from './settingsFields';

export type Shape = typeof settingsShape;
export type Report = (path: readonly (string | number)[], message: string) => void;

/**
 * A relation between fields, judged only when each of those fields is itself valid (zod's `when`), so one typo
 * gives one problem rather than a cascade.
 */
export function rule(
  shape: Shape,
  fields: readonly (keyof Shape)[],
  judge: (values: SettingsValues, report: Report) => void,
) {
  return z.superRefine<SettingsValues>(
    (values, ctx) =>
      judge(values, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message })),
    {
      when: ({ value }) =>
        fields.every((field) => shape[field].safeParse((value as SettingsValues)[field]).success),
    },
  );
}
