// The checkout's .env, loaded before lib/env.ts is imported. Apart from local.ts so that a
// process that needs only this (npm run worker) does not load the embedded PostgreSQL package,
// whose exit hook would end it on SIGHUP, the signal that re-reads D1's key files.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Loads .env (if present) before lib/env.ts is imported. */
export function loadDotEnv(): void {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
