import { z } from 'zod';
import { monitoringShape } from './monitoringFields';
import { settingsRules } from './rules';
import { API_BASE_URLS, settingsShape } from './settingsFields';
import { arnSchemas, bucketNameSchema, secretNameSchema } from './textFields';

export { API_BASE_URLS } from './settingsFields';

/** The context key the app reads its configuration from. */
export const CONFIG_CONTEXT_KEY = 'blueshiftImportTrigger';

/** Fields only the app has: what it looks up or creates, by name or ARN. */
const appShape = {
  $schema: z
    .string()
    .optional()
    .meta({ description: 'The JSON Schema editors check a config file against; ignored.' }),
  bucketName: bucketNameSchema.optional().meta({
    description:
      'An existing bucket to watch. Omitted: the stack creates one (encrypted, public access blocked, TLS only, kept when the stack is deleted).',
  }),
  apiKeySecretName: secretNameSchema.optional().meta({
    description:
      'An existing Secrets Manager secret (name or ARN) holding the key as plain text or `{"apiKey": "…"}`. Omitted: the stack creates one to fill in.',
  }),
  apiKeySecretKmsKeyArn: arnSchemas.kmsKey.optional().meta({
    description:
      'The customer-managed KMS key (key ARN) that encrypts `apiKeySecretName`; the function may decrypt with it through Secrets Manager only.',
  }),
  alarmTopicArn: arnSchemas.snsTopic.optional().meta({
    description: 'An existing SNS topic the alarms notify. Omitted: the stack creates one (TLS only).',
  }),
};

const unknownField = (issue: { code?: string }) =>
  issue.code === 'unrecognized_keys' ? 'is not a known field' : undefined;

/** `apiBaseUrl` always set: the one given, else the region's host. */
const withBaseUrl = <T extends { apiRegion: keyof typeof API_BASE_URLS; apiBaseUrl?: string | undefined }>(
  settings: T,
): T & { apiBaseUrl: string } => ({
  ...settings,
  apiBaseUrl: settings.apiBaseUrl ?? API_BASE_URLS[settings.apiRegion],
});

/** The construct's plain-data settings. */
export const triggerSettingsSchema = z
  .strictObject({ ...settingsShape, ...monitoringShape }, { error: unknownField })
  .check(...settingsRules(settingsShape))
  .transform(withBaseUrl);

/** A key for a secret the stack creates would be ignored: the created secret uses Secrets Manager's own key. */
const kmsKeyNeedsSecret = z.superRefine<{ apiKeySecretName?: unknown; apiKeySecretKmsKeyArn?: unknown }>(
  (config, ctx) => {
    // Judged only for a valid key ARN, so a malformed one gives one problem.
    const validKey = arnSchemas.kmsKey.safeParse(config.apiKeySecretKmsKeyArn).success;
    if (validKey && config.apiKeySecretName === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['apiKeySecretKmsKeyArn'],
        message: 'applies to an existing secret only: give apiKeySecretName as well, or drop it',
      });
    }
  },
);

/** The app's configuration, as written in cdk.json under `blueshiftImportTrigger` or in a config file. */
export const appConfigSchema = z
  .strictObject({ ...settingsShape, ...monitoringShape, ...appShape }, { error: unknownField })
  .check(...settingsRules(settingsShape), kmsKeyNeedsSecret)
  .transform(({ $schema: _editorsOnly, ...config }) => withBaseUrl(config));

export type TriggerSettings = z.input<typeof triggerSettingsSchema>;
export type ResolvedSettings = z.output<typeof triggerSettingsSchema>;
export type AppConfig = z.input<typeof appConfigSchema>;
export type ResolvedAppConfig = z.output<typeof appConfigSchema>;

/** Every default of the settings, read from the schema (for tests and benches that build settings by hand). */
export const CONFIG_DEFAULTS = (() => {
  const {
    imports: _required,
    apiBaseUrl: _fromRegion,
    ...defaults
  } = triggerSettingsSchema.parse({
    imports: [{ prefix: 'p/', uuid: '00000000-0000-0000-0000-000000000000' }],
  });
  return defaults;
})();
