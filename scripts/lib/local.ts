// Shared start-up steps for the npm scripts: settings from .env, the local data folder, the
// session secret, and the database (the bank's, or an embedded one kept under .data/).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DATA_DIR = path.join(ROOT, ".data");
export const EMBEDDED_DB_NAME = "branch_issuance";

/** Loads .env (if present) before lib/env.ts is imported. */
export function loadDotEnv(): void {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

export function ensureDataDir(): string {
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  return DATA_DIR;
}

/** A random AUTH_SECRET kept in .data/ so sessions survive restarts of the local product. */
export function localAuthSecret(): string {
  const file = path.join(ensureDataDir(), "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export type LocalDatabase = { url: string; embedded: EmbeddedServer | null };

/** The bank's DATABASE_URL if set; else the embedded PostgreSQL under .data/pg. */
export async function openDatabase(
  settings: { DATABASE_URL?: string; EMBEDDED_PG_PORT: number },
  log: (line: string) => void,
): Promise<LocalDatabase> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, embedded: null };
  const port = settings.EMBEDDED_PG_PORT;
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${port} (data in .data/pg)…`);
  const embedded = await startEmbeddedPostgres({
    dir: path.join(ensureDataDir(), "pg"),
    port,
    persistent: true,
  });
  try {
    const admin = new pg.Client({ connectionString: embedded.url("postgres") });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [EMBEDDED_DB_NAME]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${EMBEDDED_DB_NAME}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    // The caller never gets a handle to stop it, so stop it here rather than leave it running.
    await closeDatabase({ url: "", embedded });
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DB_NAME), embedded };
}

/** Stops the embedded server, without hanging if it has already gone. */
export async function closeDatabase(database: LocalDatabase | null): Promise<void> {
  if (!database?.embedded) return;
  await Promise.race([database.embedded.stop(), new Promise((r) => setTimeout(r, 10_000))]);
}
