import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - `unit`: everything under test/ except test/site/ and test/browser/; no build.
 * - `site`: test/site/ and test/browser/; its globalSetup builds the site once
 *   (test/support/global-setup.ts) and provides the output directories
 *   (`inject('siteDirs')`, or `builtSite(key)` from test/support/html.ts).
 * vitest runs a project's globalSetup only when one of its files is selected,
 * so `npx vitest run --project unit` or `npx vitest run test/parse` stay fast.
 * Both check that the tests leave no temporary folder behind
 * (test/support/no-leftovers.ts).
 */
const SITE_TESTS = ['test/site/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Generous: browser tests launch Chromium; site builds happen in globalSetup.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // Suitable for 2-core machines (each browser test file may run a Chromium).
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/site/**', 'test/browser/**', 'test/fixtures/**'],
          globalSetup: ['test/support/no-leftovers.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          exclude: [...configDefaults.exclude],
          globalSetup: ['test/support/no-leftovers.ts', 'test/support/global-setup.ts'],
        },
      },
    ],
  },
});
