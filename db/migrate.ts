import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Logger, runMigrations } from "graphile-worker";
import { createDb, createPool } from "./client";

const silentLogger = new Logger(() => () => {});

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies the committed migrations, then graphile-worker's own schema (the durable job queue),
 * so that an issuance job and its queue entry can be written in one transaction from the start.
 * Safe to run on every start.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const pool = createPool(url, 1);
  try {
    await migrate(createDb(pool), { migrationsFolder });
    await runMigrations({ pgPool: pool, logger: silentLogger });
  } finally {
    await pool.end();
  }
}
