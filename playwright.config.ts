import { defineConfig } from "@playwright/test";
import { BASE_URL, chromiumLaunchOptions } from "./e2e/support/config";

const launchOptions = chromiumLaunchOptions();
// Once, in the runner (workers evaluate this file again): which browser the run uses.
if (process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`[e2e] Chromium: ${process.env.CHROMIUM_RESOLVED_SOURCE} build at ${launchOptions.executablePath}`);
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    // As a user who asked for less motion: colours settle at once (app/globals.css), so an axe
    // check right after an action never samples a button in the middle of its colour transition.
    reducedMotion: "reduce",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
    { name: "api", testMatch: /.*\.api\.ts/, dependencies: ["setup"] },
    // Last: scans the run's database, logs and recorded browser responses for card numbers.
    { name: "scan", testMatch: /.*\.scan\.ts/, dependencies: ["chromium", "api"] },
  ],
  webServer: {
    command: "tsx e2e/serve.ts",
    url: `${BASE_URL}/api/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
