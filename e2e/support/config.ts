export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const SIM_PORT = E2E_PORT + 343;
export const SIM_ADMIN_PORT = E2E_PORT + 344;
// fetch() refuses these ports ("bad port"), so the app could not reach a provider there.
const FETCH_BAD_PORTS = new Set([4045, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6697, 10080]);
const firstFetchablePort = (port: number): number => (FETCH_BAD_PORTS.has(port) ? firstFetchablePort(port + 1) : port);
/** The test identity provider for single sign-on (e2e/support/identity-provider.ts). */
export const OIDC_PORT = firstFetchablePort(E2E_PORT + 345);
export const SIM_ADMIN_URL = `http://127.0.0.1:${SIM_ADMIN_PORT}`;
/** The bank's card system stub (sim/card-system.ts) the app uses with CARD_SYSTEM=http, and its
 * loopback control API, where a spec sees what the card system did with a card. */
export const CARD_SYSTEM_PORT = E2E_PORT + 346;
export const CARD_SYSTEM_CONTROL_URL = `http://127.0.0.1:${E2E_PORT + 347}`;
/** The app's METRICS_TOKEN in the e2e run: Prometheus's bearer token for /api/metrics. */
export const METRICS_TOKEN = "e2e-metrics-token-0123456789";

/** The browser comes from the one resolver shared with the benchmarks (scripts/lib/chromium.ts). */
export { chromiumLaunchOptions } from "../../scripts/lib/chromium.ts";
