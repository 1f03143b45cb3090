import { z } from 'zod';
import { SQS_MAX_RETENTION_SECONDS } from '../../contract/redeliveryPolicy';
import { wholeNumberIn } from './wholeNumber';

const got = (input: unknown) => `(got ${JSON.stringify(input)})`;

const emailSchema = z.email({ error: (issue) => `must be an email address ${got(issue.input)}` });

/** SNS allows many subscriptions per topic; more than a handful of people is a mailing list's job. */
const MAX_ALARM_EMAILS = 10;

/** Settings of the alarms and the dashboard: who hears of an alarm, and the thresholds a team tunes. */
export const monitoringShape = {
  alarmEmail: z
    .union(
      [
        emailSchema,
        z
          .array(emailSchema)
          .min(1, { error: 'must list at least one email address' })
          .max(MAX_ALARM_EMAILS, { error: `must list at most ${MAX_ALARM_EMAILS} email addresses` }),
      ],
      {
        error: (issue) =>
          `must be an email address or a list of 1 to ${MAX_ALARM_EMAILS} ${got(issue.input)}`,
      },
    )
    .optional()
    .meta({
      description:
        'Email address (or list) subscribed to the alarm topic; each gets a confirmation mail from AWS to accept first.',
    }),
  oldestMessageAlarmSeconds: wholeNumberIn(60, SQS_MAX_RETENTION_SECONDS).optional().meta({
    description:
      "Alarm when the ingest queue's oldest message is older than this (nothing drains it). Omitted: the retry policy's typical span to the dead-letter queue plus 15 minutes (about 2.5 h with the defaults).",
  }),
  functionErrorsAlarmThreshold: wholeNumberIn(1, 10_000)
    .default(1)
    .meta({ description: 'Alarm when this many invocations of the function fail within 5 minutes.' }),
  throttlesAlarmThreshold: wholeNumberIn(1, 10_000)
    .default(1)
    .meta({ description: 'Alarm when Lambda throttles this many invocations within 5 minutes.' }),
};

/** Every address of `alarmEmail`, one or many. */
export function alarmEmails(alarmEmail: string | readonly string[] | undefined): readonly string[] {
  if (alarmEmail === undefined) return [];
  return typeof alarmEmail === 'string' ? [alarmEmail] : alarmEmail;
}
