import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { testPostgresMajor } from "./database";

describe("test database", () => {
  afterAll(() => db.$client.end());
  it("is migrated, with pg_trgm for typo-tolerant search", async () => {
    const { rows } = await db.execute<{ similar: boolean }>(
      sql`select similarity('jonathan', 'jonathon') > 0.4 as similar`,
    );
    expect(rows[0]?.similar).toBe(true);
  });

  // TEST_PG_VERSION=15 (npm run test:pg15) must really run the suite on 15, the oldest a bank may
  // run; the embedded server is 18 otherwise, and a given server is any supported version.
  it("runs on the PostgreSQL version the run asked for", async () => {
    const { rows } = await db.execute<{ v: string }>(sql`select current_setting('server_version_num') as v`);
    const major = Math.floor(Number(rows[0]?.v) / 10_000);
    const asked = testPostgresMajor() ?? (process.env.TEST_DATABASE_URL ? undefined : "18");
    if (asked) expect(String(major)).toBe(asked);
    else expect(major).toBeGreaterThanOrEqual(15);
  });

  // Every test (and the queue, LISTEN/NOTIFY and trigger tests among them) runs as this role, so
  // the app is known to need no more than owning its database.
  it("is used through a role that owns it and everything in it, and is no superuser", async () => {
    const { rows } = await db.execute<Record<string, boolean | number>>(sql`
      select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
             (select datdba = r.oid from pg_database where datname = current_database()) as owns_database,
             (select nspowner = r.oid from pg_namespace where nspname = 'graphile_worker') as owns_queue,
             (select count(*)::int from pg_tables where schemaname in ('public', 'drizzle', 'graphile_worker')
               and tableowner <> current_user) as tables_of_others
        from pg_roles r where r.rolname = current_user`);
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owns_database: true,
      owns_queue: true,
      tables_of_others: 0,
    });
  });
});
