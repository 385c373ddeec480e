export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const SIM_PORT = E2E_PORT + 343;
export const SIM_ADMIN_PORT = E2E_PORT + 344;
export const SIM_ADMIN_URL = `http://127.0.0.1:${SIM_ADMIN_PORT}`;

/** The browser comes from the one resolver shared with the benchmarks (scripts/lib/chromium.ts). */
export { chromiumLaunchOptions } from "../../scripts/lib/chromium.ts";
