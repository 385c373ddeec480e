// Files one e2e run shares between the server (e2e/serve.ts), the specs and the final scan.
// Outside test-results/ and keyed by port, so concurrent runs on other ports (and Playwright
// cleaning its output folder) cannot touch them.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_PORT } from "./config.ts";

export const RUN_DIR = path.join(tmpdir(), `bii-e2e-run-${E2E_PORT}`);
export const RUN_INFO = path.join(RUN_DIR, "run.json");
/** Every response body the browsers received, one file per worker (e2e/fixtures.ts). */
export const RESPONSES_DIR = path.join(RUN_DIR, "responses");
/** The app's structured log (LOG_FILE) and everything else it printed. */
export const APP_LOG = path.join(RUN_DIR, "app.log");
export const APP_OUTPUT = path.join(RUN_DIR, "app-output.log");

export type RunInfo = { databaseUrl: string; d1Notify?: { clientId: string; clientSecret: string } };

export function readRunInfo(): RunInfo {
  return JSON.parse(readFileSync(RUN_INFO, "utf8")) as RunInfo;
}
