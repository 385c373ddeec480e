// The server Playwright tests run against: a fresh migrated and seeded database, a production
// build (rebuilt only when sources changed) and its standalone server started exactly as the
// container image starts it (scripts/lib/standalone.ts), so every e2e run also proves the image's
// server. Stops everything on SIGTERM.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, createPool } from "../db/client.ts";
import { seedDemo } from "../db/seed.ts";
import { createTestDatabase } from "../db/testing/database.ts";
import { ensureBuild } from "../scripts/lib/build.ts";
import { standaloneCommand, standaloneEnv } from "../scripts/lib/standalone.ts";
import { SIM_ISSUER_ID, startLocalSimulator } from "../scripts/lib/simulator.ts";
import { startCardSystemStub } from "../sim/card-system.ts";
import { ensureDevPki } from "../sim/pki.ts";
import { startTestIdentityProvider } from "./support/identity-provider.ts";
import {
  BASE_URL,
  CARD_SYSTEM_CONTROL_URL,
  CARD_SYSTEM_PORT,
  E2E_PORT,
  METRICS_TOKEN,
  SIM_ADMIN_PORT,
  SIM_PORT,
} from "./support/config.ts";
import { APP_LOG, APP_OUTPUT, RESPONSES_DIR, RUN_DIR, RUN_INFO } from "./support/run-dir.ts";

const say = (line: string) => console.log(`[e2e-server] ${line}`);

// The final card-data scan (e2e/card-data.scan.ts) reads this run's database, logs and the
// responses the browsers received; start from an empty folder.
rmSync(RUN_DIR, { recursive: true, force: true });
mkdirSync(RESPONSES_DIR, { recursive: true });

const database = await createTestDatabase(process.env.TEST_DATABASE_URL);
writeFileSync(RUN_INFO, JSON.stringify({ databaseUrl: database.url }));
const pool = createPool(database.url, 2);
await seedDemo(createDb(pool));
await pool.end();
say("database ready");

if (!ensureBuild(say)) {
  await database.dispose();
  process.exit(1);
}

// Quick stations so journeys finish in seconds; the PKI lives in a throwaway folder.
const dataDir = mkdtempSync(path.join(tmpdir(), "bii-e2e-"));
const simulator = await startLocalSimulator({
  dataDir,
  appUrl: BASE_URL,
  port: SIM_PORT,
  adminPort: SIM_ADMIN_PORT,
  timings: { readyMs: 300, doneMs: 900, offlineTimeoutMs: 1500 },
  notifyBaseDelayMs: 200,
});
say(`simulator on ${simulator.sim.url}`);
// The specs that call D1's routes themselves (e2e/request-edge.api.ts) sign in as D1 does.
writeFileSync(
  RUN_INFO,
  JSON.stringify({
    databaseUrl: database.url,
    d1Notify: {
      clientId: simulator.appEnv.D1_NOTIFY_CLIENT_ID,
      clientSecret: simulator.appEnv.D1_NOTIFY_CLIENT_SECRET,
    },
  }),
);
// The bank's card system is the stub of docs/card-system.openapi.yaml over mutual TLS on the same
// dev PKI (CARD_SYSTEM=http), so journeys can see what it did with a card (blocked, account).
const pki = await ensureDevPki({ dir: path.join(dataDir, "pki"), issuerId: SIM_ISSUER_ID });
const cardSystem = await startCardSystemStub({
  pki,
  port: CARD_SYSTEM_PORT,
  controlPort: Number(new URL(CARD_SYSTEM_CONTROL_URL).port),
});
say(`card system stub on ${cardSystem.url}`);
// A real OpenID Connect provider for the single sign-on journeys, on the same dev CA.
const idp = await startTestIdentityProvider({ pkiDir: path.join(dataDir, "pki"), appUrl: BASE_URL });

const server = standaloneCommand();
const app = spawn(server.command, server.args, {
  cwd: server.cwd,
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
  env: {
    ...process.env,
    ...standaloneEnv({ port: E2E_PORT, host: "127.0.0.1" }),
    ...simulator.appEnv,
    ...idp.appEnv,
    CARD_SYSTEM: "http",
    CARD_SYSTEM_URL: cardSystem.url,
    CARD_SYSTEM_TLS_CERT_FILE: pki.issuerClient.certPath,
    CARD_SYSTEM_TLS_KEY_FILE: pki.issuerClient.keyPath,
    CARD_SYSTEM_TLS_CA_FILE: pki.ca.certPath,
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-0000",
    DEMO_MODE: "false",
    // The same-origin decision is pinned to the public origin, as a bank configures it.
    PUBLIC_ORIGIN: BASE_URL,
    // Short request limits, so that a body that trickles in is cut off within seconds.
    HTTP_HEADERS_TIMEOUT_SECONDS: "5",
    HTTP_REQUEST_TIMEOUT_SECONDS: "5",
    // Streams are recycled every few seconds, so every journey also crosses reconnects.
    SSE_MAX_SECONDS: "3",
    // Everything the app logs, at debug level, goes to a file the card-data scan reads.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "debug",
    LOG_FILE: APP_LOG,
    // A stop by Playwright should not wait through a load balancer's drain.
    SHUTDOWN_DRAIN_SECONDS: "0",
    // Prometheus's bearer token for /api/metrics (e2e/authorization.api.ts).
    METRICS_TOKEN,
  },
});

// What the app prints besides its log (Next.js errors, warnings) is shown and kept for the scan.
const output = createWriteStream(APP_OUTPUT);
app.stdout.pipe(process.stdout);
app.stderr.pipe(process.stderr);
app.stdout.pipe(output, { end: false });
app.stderr.pipe(output, { end: false });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.pid && app.exitCode === null) {
    const exited = new Promise((r) => app.once("exit", r));
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
  await simulator.stop().catch(() => {});
  await cardSystem.stop().catch(() => {});
  await idp.stop().catch(() => {});
  await database.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 1));
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
