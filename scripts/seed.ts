// npm run db:seed [-- --customers N] — demo data on first run; `--customers 1000000` tops the
// customer table up to N rows for the benchmarks.
import { parseArgs } from "node:util";
import { closeDatabase, loadDotEnv, openDatabase } from "./lib/local.ts";

const { values } = parseArgs({ options: { customers: { type: "string" } } });
const total = values.customers ? Number(values.customers.replaceAll("_", "")) : undefined;
if (total !== undefined && (!Number.isInteger(total) || total < 0 || total > 10_000_000)) {
  console.error("--customers must be a whole number between 0 and 10,000,000");
  process.exit(2);
}

loadDotEnv();
const { env } = await import("../lib/env.ts");
const { migrateDatabase } = await import("../db/migrate.ts");
const { createDb, createPool } = await import("../db/client.ts");
const { seedCustomers, seedDemo } = await import("../db/seed.ts");

const database = await openDatabase(env, console.log);
const pool = createPool(database.url, 2);
try {
  await migrateDatabase(database.url);
  const db = createDb(pool);
  console.log((await seedDemo(db)) ? "Seeded the demo data." : "Demo data already present.");
  if (total !== undefined) {
    const started = Date.now();
    await seedCustomers(db, total, (n) => process.stdout.write(`\r  ${n.toLocaleString("en")} customers`));
    console.log(`\nCustomers: ${total.toLocaleString("en")} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  await pool.end();
  await closeDatabase(database);
}
