// CLI entry of the D1 simulator (`npm run sim`): settings from SIM_* env vars (see README),
// creates the dev PKI when missing, starts the servers, stops cleanly on SIGINT/SIGTERM.
import path from "node:path";
import { loadSimEnv } from "./env";
import { createSimLogger } from "./logger";
import { ensureDevPki } from "./pki";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  const env = loadSimEnv();
  const log = createSimLogger(env.SIM_LOG_LEVEL);
  const pki = await ensureDevPki({ dir: path.resolve(env.SIM_PKI_DIR), issuerId: env.SIM_ISSUER_ID });
  const timings = {
    ...(env.SIM_READY_MS !== undefined ? { readyMs: env.SIM_READY_MS } : {}),
    ...(env.SIM_DONE_MS !== undefined ? { doneMs: env.SIM_DONE_MS } : {}),
    ...(env.SIM_OFFLINE_TIMEOUT_MS !== undefined ? { offlineTimeoutMs: env.SIM_OFFLINE_TIMEOUT_MS } : {}),
  };
  const sim = await startSimulator({
    pki,
    issuerId: env.SIM_ISSUER_ID,
    host: env.SIM_HOST,
    port: env.SIM_PORT,
    adminPort: env.SIM_ADMIN_PORT,
    timings,
    repeatedOrders: env.SIM_REPEATED_ORDERS,
    ...(env.stations ? { stations: env.stations } : {}),
    notify: {
      ...(env.SIM_NOTIFY_URL ? { baseUrl: env.SIM_NOTIFY_URL } : {}),
      ...(env.SIM_NOTIFY_TOKEN_URL ? { tokenUrl: env.SIM_NOTIFY_TOKEN_URL } : {}),
      ...(env.SIM_NOTIFY_CLIENT_ID ? { clientId: env.SIM_NOTIFY_CLIENT_ID } : {}),
      ...(env.SIM_NOTIFY_CLIENT_SECRET ? { clientSecret: env.SIM_NOTIFY_CLIENT_SECRET } : {}),
      ...(env.SIM_NOTIFY_SCOPE ? { scope: env.SIM_NOTIFY_SCOPE } : {}),
      maxOperationsPerNotification: env.SIM_MAX_OPERATIONS_PER_NOTIFICATION,
      maxAttempts: env.SIM_NOTIFY_MAX_ATTEMPTS,
      baseDelayMs: env.SIM_NOTIFY_BASE_DELAY_MS,
      timeoutMs: env.SIM_NOTIFY_TIMEOUT_MS,
    },
    logger: log,
  });
  log.info(
    {
      d1Url: sim.url,
      adminUrl: sim.adminUrl,
      issuerId: sim.issuerId,
      signingKid: sim.signingKid,
      encryptionKid: sim.encryptionKid,
      notifyUrl: env.SIM_NOTIFY_URL ?? null,
      pki: pki.manifestPath,
    },
    "D1 simulator ready",
  );
  // Plain lines too, for people (pino output is for machines).
  process.stderr.write(
    `D1 simulator: ${sim.url} (mTLS)  control: ${sim.adminUrl ?? "off"}  PKI: ${pki.manifestPath}\n`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    // Safety net only: a clean stop leaves nothing running and the process exits by itself.
    setTimeout(() => {
      process.stderr.write("D1 simulator: forced exit, something was still running\n");
      process.exit(1);
    }, 5000).unref();
    sim.stop().catch((err: unknown) => {
      log.error({ err }, "stop failed");
      process.exitCode = 1;
    });
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`D1 simulator failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
