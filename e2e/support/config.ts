import { existsSync } from "node:fs";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const SIM_PORT = E2E_PORT + 343;
export const SIM_ADMIN_PORT = E2E_PORT + 344;
export const SIM_ADMIN_URL = `http://127.0.0.1:${SIM_ADMIN_PORT}`;

/**
 * Debian's Chromium where it exists (Playwright cannot download browsers here);
 * PLAYWRIGHT_CHROMIUM_PATH overrides it, and with neither Playwright uses its own browser.
 */
export const CHROMIUM_PATH =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
