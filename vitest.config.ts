import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Tests that run the durable job queue share graphile-worker's queue in the run's database, so
// they run one file at a time, after the rest (which run in parallel).
const QUEUE_TESTS = [
  "lib/issuance/issuance.test.ts",
  "lib/issuance/crash.test.ts",
  "lib/issuance/faults.test.ts",
  "lib/issuance/app-crash.test.ts",
  "lib/shutdown/shutdown.test.ts",
  "lib/issuance/card-system.test.ts",
  "lib/issuance/cancel.test.ts",
  "lib/issuance/station-test.test.ts",
  // Changes the bank-wide approval rules, which other files' requests would meet.
  "lib/issuance/approvals.test.ts",
  // Run a whole issuance through the worker, traced and counted.
  "lib/tracing/trace.test.ts",
  "lib/metrics/metrics.test.ts",
  // Submits training jobs through the training simulator.
  "lib/training/training.test.ts",
  // Wipes every training job, which other files' training jobs would lose.
  "lib/actions/admin/training.test.ts",
];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // `server-only` throws outside a React Server bundle; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}db/testing/server-only-stub.ts` },
    ],
  },
  test: {
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup-env.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**", "bench/**", ...QUEUE_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "queue",
          include: QUEUE_TESTS,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
