import { defineConfig } from 'vitest/config';
// '.js' names the TypeScript config for both tsc and Vite (which warns about a bare path).
import base from './vitest.config.js';

/** `npm run test:soak`: the long fault-injection runs, kept out of `npm test` by their `.soak.ts` names. */
export default defineConfig({
  test: {
    // Spread rather than mergeConfig, which would append to `include` and run every unit test as well.
    ...base.test,
    include: ['test/soak/**/*.soak.ts'],
    // A soak runs for minutes; its own deadline, not the runner's, decides when it has taken too long.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
