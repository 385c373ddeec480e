// Runs only the simulator's tests, without the app's database global setup:
//   npx vitest run --config sim/vitest.config.ts
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["sim/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
