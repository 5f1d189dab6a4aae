import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: one worker per core. An e2e file spends much of its time
    // waiting on a build or a browser (child processes), so two files at once
    // keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/structure/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Builds are slow on two cores, slower still beside another file's:
          // one real build is shared per file (or between files: helpers/site.ts).
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
