import { defineConfig } from "vitest/config";
import { EnvironmentSequencer } from "./test/setup/environment-sequencer.ts";

/**
 * Two projects, both run by `npm test`:
 * - `unit` (`npm run test:unit`): in-process tests only, no browser and no child process; the quick loop while working.
 * - `browser`: everything that starts Chromium, builds the explorer with Vite, or spawns a process (the CLI as a user
 *   runs it: exit codes, stdout and stderr).
 * A unit test that starts a process (Chromium included) fails at once (test/setup/no-processes.ts).
 */
export const BROWSER_TESTS = [
  "test/e2e/**/*.test.ts",
  // A test file that needs a process (the command as a user runs it: exit codes, stdout and stderr, signals) or a Vite
  // build says so in its name.
  "test/**/*.process.test.ts",
];

const ALL_TESTS = ["test/**/*.test.ts", "test/**/*.test.tsx"];

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // e2e tests build the app and start Chromium; two workers keep them from competing for the 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    // Files of one environment run one after another, so the unit project's threads (and what they memoise) are
    // reused instead of restarted at every switch between node and jsdom (test/setup/environment-sequencer.ts).
    sequence: { sequencer: EnvironmentSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ALL_TESTS,
          exclude: BROWSER_TESTS,
          setupFiles: ["test/setup/no-processes.ts", "test/setup/math-random.ts"],
          // Files share loaded modules (natural, graphology, the pipeline load once per worker, not once per file) and
          // run in worker threads: measured 87 s CPU isolated in forks, 74 s shared in forks, 65 s shared in threads.
          isolate: false,
          pool: "threads",
        },
      },
      // One Vite build of the explorer per run, shared by the browser test files (test/e2e/global-setup.ts).
      { extends: true, test: { name: "browser", include: BROWSER_TESTS, globalSetup: ["test/e2e/global-setup.ts"] } },
    ],
  },
});
