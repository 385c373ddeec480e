// Key and certificate files change under a running app (certificate renewal, key rollover,
// docs/key-rotation.md): the D1 config is re-read when one of its files changes, found by one
// cheap stat per file at most every few seconds on use, or at once on SIGHUP. A file caught
// half-written or holding a wrong key keeps the last good config and logs why.
import "server-only";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { statSync } from "node:fs";
import type { Logger } from "pino";
import { env } from "@/lib/env";
import { D1ConfigError, loadD1Config, type D1Config, type D1Settings } from "./config";

export interface D1ConfigSource {
  /** The config to use now; re-read first when a file changed (checked at most every interval). */
  current(): D1Config;
  /** Re-reads every file now. False (and the last good config kept) when that fails. */
  reload(): boolean;
  /** Stops listening for SIGHUP. */
  close(): void;
}

export interface D1ConfigSourceOptions {
  settings?: D1Settings & { D1_FILES_RECHECK_SECONDS?: number };
  logger?: Logger;
  /** Re-read on SIGHUP (the app's client does; tests may not want a process listener). */
  sighup?: boolean;
  now?: () => number;
}

const FILE_SETTINGS = [
  "D1_TLS_CERT_FILE",
  "D1_TLS_KEY_FILE",
  "D1_TLS_CA_FILE",
  "D1_SIGNING_KEY_FILE",
  "D1_SIGNING_KEY_FILE_NEXT",
  "D1_ENCRYPTION_KEY_FILE",
  "D1_ENCRYPTION_KEY_FILE_NEXT",
] as const satisfies readonly (keyof D1Settings)[];

/** What changes when a file is rewritten or replaced (by rename, as secret managers do). */
function fingerprint(settings: D1Settings): string {
  return FILE_SETTINGS.map((name) => {
    const file = settings[name];
    if (!file) return "-";
    try {
      const st = statSync(file);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return "missing";
    }
  }).join("|");
}

/**
 * The certificate and key are replaced as two files, so a check can fall between the two
 * writes: load them only when the key parses and belongs to the certificate.
 */
function checkTlsPair(config: D1Config): void {
  let matches = false;
  try {
    matches = new X509Certificate(config.tls.cert).checkPrivateKey(createPrivateKey(config.tls.key));
  } catch {
    throw new D1ConfigError("D1_TLS_CERT_FILE, D1_TLS_KEY_FILE: expected a PEM certificate and its private key");
  }
  if (!matches) throw new D1ConfigError("D1_TLS_KEY_FILE does not belong to the certificate in D1_TLS_CERT_FILE");
}

/** Loads the config now (throwing D1ConfigError as loadD1Config does) and keeps it current. */
export function createD1ConfigSource(options: D1ConfigSourceOptions = {}): D1ConfigSource {
  const settings = options.settings ?? env;
  const now = options.now ?? Date.now;
  const intervalMs = (settings.D1_FILES_RECHECK_SECONDS ?? 5) * 1000;
  let seen = fingerprint(settings);
  let config = loadD1Config(settings);
  let checkedAt = now();

  function reload(): boolean {
    // Taken before reading, so a change during the read is seen at the next check.
    // A failed read is not retried until a file changes again, so a bad file logs once.
    seen = fingerprint(settings);
    try {
      const next = loadD1Config(settings);
      checkTlsPair(next);
      config = next;
      options.logger?.info({ d1: { event: "config_reloaded" } }, "D1 key and certificate files re-read");
      return true;
    } catch (err) {
      options.logger?.error(
        { d1: { event: "config_reload_failed", reason: (err as Error).message } },
        "D1 key or certificate files could not be re-read; the previous ones stay in use",
      );
      return false;
    }
  }

  const onSighup = () => void reload();
  if (options.sighup) process.on("SIGHUP", onSighup);

  return {
    current() {
      if (intervalMs > 0 && now() - checkedAt >= intervalMs) {
        checkedAt = now();
        if (fingerprint(settings) !== seen) reload();
      }
      return config;
    },
    reload,
    close() {
      process.off("SIGHUP", onSighup);
    },
  };
}
