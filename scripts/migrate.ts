// npm run db:migrate — applies committed migrations to DATABASE_URL (or the embedded database).
import { closeDatabase, loadDotEnv, openDatabase } from "./lib/local.ts";

loadDotEnv();
const { env } = await import("../lib/env.ts");
const { migrateDatabase } = await import("../db/migrate.ts");
const database = await openDatabase(env, console.log);
try {
  await migrateDatabase(database.url);
  console.log("Migrations applied.");
} finally {
  await closeDatabase(database);
}
