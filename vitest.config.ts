import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // e2e tests build the app and start Chromium; keep them from competing for the 2 cores with each other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
