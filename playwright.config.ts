import { defineConfig } from "@playwright/test";
import { BASE_URL, chromiumLaunchOptions } from "./e2e/support/config";

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
    launchOptions: chromiumLaunchOptions(),
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
