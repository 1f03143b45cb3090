import { ConfigError, validateAppConfig } from '../../lib/config/validateConfig';

export const DAILY_UUID = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
export const VIP_UUID = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';

/** A valid raw configuration, with the given fields replaced. */
export const rawConfigFactory = (overrides: Record<string, unknown> = {}) => ({
  imports: [{ prefix: 'customers/daily/', uuid: DAILY_UUID, suffix: '.csv' }],
  ...overrides,
});

/** `count` mappings under distinct top-level prefixes, so none folds into another. */
export const manyImportsFactory = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    prefix: `p${String(index).padStart(4, '0')}/`,
    uuid: DAILY_UUID,
  }));

/** The problems validateAppConfig reports for a raw configuration; fails the test when it accepts it. */
export const problemsOf = (raw: unknown): readonly string[] => {
  try {
    validateAppConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};
