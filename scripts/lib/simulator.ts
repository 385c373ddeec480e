// Starts the D1 simulator for `npm start` and the e2e server, and returns the D1_* settings that
// point the app at it: real mTLS, real ES256 assertions and real JWE, with the dev PKI.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { ensureDevPki, type DevPki } from "../../sim/pki.ts";
import { startSimulator, type RunningSimulator } from "../../sim/server.ts";

export const SIM_ISSUER_ID = "ISSUER0001";
export const SIM_NOTIFY_CLIENT_ID = "d1-simulator";

export type LocalSimulator = { sim: RunningSimulator; appEnv: Record<string, string>; stop: () => Promise<void> };

type Options = {
  dataDir: string;
  /** The app's base URL, where the simulator sends notifications. */
  appUrl: string;
  port?: number;
  adminPort?: number;
  timings?: { readyMs?: number; doneMs?: number; offlineTimeoutMs?: number };
  notifyBaseDelayMs?: number;
  logLevel?: string;
};

/** The client secret D1 (here: the simulator) uses at our token endpoint, kept in the data dir. */
function notifySecret(dataDir: string): string {
  const file = path.join(dataDir, "d1-notify-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export async function startLocalSimulator(options: Options): Promise<LocalSimulator> {
  const pki = await ensureDevPki({ dir: path.join(options.dataDir, "pki"), issuerId: SIM_ISSUER_ID });
  const secret = notifySecret(options.dataDir);
  const sim = await startSimulator({
    pki,
    issuerId: SIM_ISSUER_ID,
    port: options.port ?? 8443,
    adminPort: options.adminPort ?? 8444,
    timings: options.timings,
    notify: {
      baseUrl: options.appUrl,
      tokenUrl: `${options.appUrl}/authz/d1/v1/oauth2/token`,
      clientId: SIM_NOTIFY_CLIENT_ID,
      clientSecret: secret,
      baseDelayMs: options.notifyBaseDelayMs,
    },
    logger: pino({ level: options.logLevel ?? "warn", base: { service: "d1-simulator" } }),
  });
  const appEnv = {
    ...d1EnvFor(pki, sim),
    D1_NOTIFY_CLIENT_ID: SIM_NOTIFY_CLIENT_ID,
    D1_NOTIFY_CLIENT_SECRET: secret,
  };
  return { sim, appEnv, stop: () => sim.stop() };
}

/** The simulator's issuer cancel route, below its banking URL (a simulator decision: D1's is unpublished). */
export const SIM_CANCEL_PATH = "/issuers/{issuerId}/physicalCards/{cardId}/operations:cancel";

/** The app's D1_* settings for a running simulator and its PKI (issuer → D1 direction). Our
 * simulator is no real D1, so simulated card data is allowed with it (start-up refuses it with a
 * real D1_BANKING_URL otherwise). */
export function d1EnvFor(pki: DevPki, sim: Pick<RunningSimulator, "bankingUrl" | "tokenUrl">): Record<string, string> {
  return {
    D1_ISSUER_ID: pki.issuerId,
    D1_BANKING_URL: sim.bankingUrl,
    D1_AUTHZ_URL: sim.tokenUrl.replace(/\/oauth2\/token$/, ""),
    D1_TLS_CERT_FILE: pki.issuerClient.certPath,
    D1_TLS_KEY_FILE: pki.issuerClient.keyPath,
    D1_TLS_CA_FILE: pki.ca.certPath,
    D1_SIGNING_KEY_FILE: pki.issuerSigning.privateKeyPath,
    D1_SIGNING_KID: pki.issuerSigning.kid,
    D1_ENCRYPTION_KEY_FILE: pki.simEncryption.publicKeyPath,
    D1_ENCRYPTION_KID: pki.simEncryption.kid,
    CARD_SYSTEM_ALLOW_SIMULATED: "true",
    // The simulator implements a cancel route (docs/d1-and-simulator.md); a real D1 tenant sets
    // this only if Thales gives it one.
    D1_CANCEL_PATH: SIM_CANCEL_PATH,
  };
}
