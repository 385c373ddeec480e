// For tests that need a database of their own (whole-table counts, seeding): a new migrated
// database on the run's server, dropped afterwards.
import { inject } from "vitest";
import { createDb, createPool, type Database } from "../client";
import { createDatabaseOn } from "./database";

export async function freshDatabase(): Promise<{ db: Database; url: string; dispose: () => Promise<void> }> {
  const created = await createDatabaseOn(inject("databaseServerUrl"));
  const pool = createPool(created.url, 4);
  return {
    db: createDb(pool),
    url: created.url,
    dispose: async () => {
      await pool.end();
      await created.drop();
    },
  };
}
