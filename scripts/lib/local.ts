// Shared start-up steps for the npm scripts: settings from .env, the local data folder, the
// session secret, and the database (the bank's, or an embedded one kept under .data/).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { provisionAppDatabase } from "../../db/app-role.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DATA_DIR = path.join(ROOT, ".data");
export const EMBEDDED_DB_NAME = "branch_issuance";
/** The embedded server's role for the app: owns EMBEDDED_DB_NAME, no superuser (db/app-role.ts). */
export const EMBEDDED_APP_ROLE = "bii_app";

export { loadDotEnv } from "./dotenv.ts";

export function ensureDataDir(dataDir = DATA_DIR): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  return dataDir;
}

/** A random secret kept in a file of .data/ that only its owner may read, made on first use. */
export function localSecret(name: string, dataDir = DATA_DIR): string {
  const file = path.join(ensureDataDir(dataDir), name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** A random AUTH_SECRET kept in .data/ so sessions survive restarts of the local product. */
export function localAuthSecret(): string {
  return localSecret("auth-secret");
}

export type LocalDatabase = {
  /** The URL the app, the migration and the seed use: the app role's on the embedded server. */
  url: string;
  embedded: EmbeddedServer | null;
};

/**
 * The bank's DATABASE_URL if set; else the embedded PostgreSQL under .data/pg, whose superuser
 * and app role have random passwords kept in .data/ (a cluster made with the old fixed password
 * gets the new one on its first start; see db/embedded.ts).
 */
export async function openDatabase(
  settings: { DATABASE_URL?: string; EMBEDDED_PG_PORT: number },
  log: (line: string) => void,
  dataDir = DATA_DIR,
): Promise<LocalDatabase> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, embedded: null };
  const port = settings.EMBEDDED_PG_PORT;
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${port} (data in .data/pg)…`);
  const embedded = await startEmbeddedPostgres({
    dir: path.join(ensureDataDir(dataDir), "pg"),
    port,
    persistent: true,
    password: localSecret("pg-superuser-password", dataDir),
  });
  try {
    const url = await provisionAppDatabase({
      adminUrl: embedded.url("postgres"),
      database: EMBEDDED_DB_NAME,
      role: EMBEDDED_APP_ROLE,
      password: localSecret("pg-app-password", dataDir),
    });
    return { url, embedded };
  } catch (error) {
    // The caller never gets a handle to stop it, so stop it here rather than leave it running.
    await closeDatabase({ url: "", embedded });
    throw error;
  }
}

/** Stops the embedded server, without hanging if it has already gone. */
export async function closeDatabase(database: LocalDatabase | null): Promise<void> {
  if (!database?.embedded) return;
  await Promise.race([database.embedded.stop(), new Promise((r) => setTimeout(r, 10_000))]);
}
