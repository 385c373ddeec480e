// The card system from settings (CARD_SYSTEM), one per process. Server-only: it holds the
// mTLS key of the connection to the bank's card system.
import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";
import type { CardSystem } from "./card-system";
import { HttpCardSystem, type HttpCardSystemConfig } from "./http";
import { SimulatedCardSystem } from "./simulated";

export * from "./card-system";
export { HttpCardSystem, type HttpCardSystemConfig } from "./http";
export { SimulatedCardSystem } from "./simulated";

/** The HTTP card system's settings, files read now; env.ts has already checked they are set. */
export function httpCardSystemConfig(settings = env): HttpCardSystemConfig {
  const read = (file: string | undefined) => (file ? readFileSync(file, "utf8") : undefined);
  return {
    url: settings.CARD_SYSTEM_URL ?? "",
    tls: {
      cert: read(settings.CARD_SYSTEM_TLS_CERT_FILE) ?? "",
      key: read(settings.CARD_SYSTEM_TLS_KEY_FILE) ?? "",
      ...(settings.CARD_SYSTEM_TLS_CA_FILE ? { ca: read(settings.CARD_SYSTEM_TLS_CA_FILE) } : {}),
    },
    timeoutMs: settings.CARD_SYSTEM_TIMEOUT_MS,
    maxAttempts: settings.CARD_SYSTEM_MAX_ATTEMPTS,
  };
}

export function createCardSystem(settings = env): CardSystem {
  return settings.CARD_SYSTEM === "http"
    ? new HttpCardSystem(httpCardSystemConfig(settings))
    : new SimulatedCardSystem();
}

const globalForCardSystem = globalThis as unknown as { __bii_card_system?: CardSystem };

/** The process's card system (one mTLS connection pool). */
export function cardSystem(): CardSystem {
  globalForCardSystem.__bii_card_system ??= createCardSystem();
  return globalForCardSystem.__bii_card_system;
}

/** Health call for the pre-flight check and the admin page: which system, and how fast. */
export function checkCardSystem(): ReturnType<CardSystem["ping"]> {
  return cardSystem().ping();
}
