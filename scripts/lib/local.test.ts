import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, createPool } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { jobEvents } from "../../db/schema";
import { freePort } from "../../db/testing/database";
import { makeCounter, makeJob } from "../../db/testing/factories";
import { closeDatabase, EMBEDDED_APP_ROLE, EMBEDDED_DB_NAME, openDatabase } from "./local";

// Not mkdtemp: as root, PostgreSQL runs as `postgres`, which must reach the directory.
const dirs: string[] = [];
function dataDir(): string {
  const dir = path.join(tmpdir(), `bii-local-db-${randomBytes(4).toString("hex")}`);
  mkdirSync(dir, { mode: 0o755 });
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The SQLSTATE of signing in as the superuser with `password` (null: signed in). */
async function superuserSignIn(port: number, password: string): Promise<string | null> {
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return query(url, "select 1").then(
    () => null,
    (error: { code?: string }) => error.code ?? "unknown",
  );
}

const roleFacts = `select rolname, rolsuper, rolcreaterole, rolcreatedb,
  (select count(*)::int from pg_tables where schemaname in ('public', 'drizzle', 'graphile_worker')
    and tableowner <> current_user) as tables_of_others
  from pg_roles where rolname = current_user`;

describe("openDatabase on the embedded PostgreSQL", () => {
  it("keeps random passwords in owner-only files and connects the app as a role that is no superuser", async () => {
    const dir = dataDir();
    const port = await freePort();
    const database = await openDatabase({ EMBEDDED_PG_PORT: port }, () => {}, dir);
    try {
      for (const name of ["pg-superuser-password", "pg-app-password"]) {
        const file = path.join(dir, name);
        expect(statSync(file).mode & 0o777, name).toBe(0o600);
        expect(readFileSync(file, "utf8").trim(), name).toMatch(/^[\w-]{40,}$/);
      }
      const superuserPassword = readFileSync(path.join(dir, "pg-superuser-password"), "utf8").trim();
      expect(await superuserSignIn(port, "postgres")).toBe("28P01");
      expect(await superuserSignIn(port, superuserPassword)).toBeNull();

      const url = new URL(database.url);
      expect(url.username).toBe(EMBEDDED_APP_ROLE);
      expect(url.pathname).toBe(`/${EMBEDDED_DB_NAME}`);
      await migrateDatabase(database.url);
      expect((await query(database.url, roleFacts))[0]).toEqual({
        rolname: EMBEDDED_APP_ROLE,
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        tables_of_others: 0,
      });
    } finally {
      await closeDatabase(database);
    }
  }, 120_000);

  it("takes over a cluster made with the old fixed password: new password, data kept, owned by the app role", async () => {
    const dir = dataDir();
    const port = await freePort();
    // What npm start made before: superuser `postgres`/`postgres`, the app's tables its own.
    const old = await startEmbeddedPostgres({
      dir: path.join(dir, "pg"),
      port,
      persistent: true,
      password: "postgres",
    });
    try {
      await query(old.url("postgres"), `CREATE DATABASE ${EMBEDDED_DB_NAME}`);
      await migrateDatabase(old.url(EMBEDDED_DB_NAME));
      await query(old.url(EMBEDDED_DB_NAME), "insert into branches (code, name) values ('OLD01', 'Old branch')");
    } finally {
      await old.stop();
    }

    const database = await openDatabase({ EMBEDDED_PG_PORT: port }, () => {}, dir);
    try {
      expect(await superuserSignIn(port, "postgres")).toBe("28P01");
      await migrateDatabase(database.url);
      expect(await query(database.url, "select name from branches where code = 'OLD01'")).toEqual([
        { name: "Old branch" },
      ]);
      expect((await query(database.url, roleFacts))[0]).toMatchObject({ rolsuper: false, tables_of_others: 0 });
      // The trigger and function it now owns still run, and LISTEN/NOTIFY reaches it.
      const pool = createPool(database.url, 2);
      const listener = new pg.Client({ connectionString: database.url });
      try {
        const counter = await makeCounter(createDb(pool));
        const job = await makeJob(createDb(pool), counter);
        await listener.connect();
        await listener.query("LISTEN job_events");
        const notified = new Promise<string | undefined>((resolve) =>
          listener.once("notification", (message: pg.Notification) => resolve(message.payload)),
        );
        await createDb(pool)
          .insert(jobEvents)
          .values({ jobId: job.id, branchId: counter.branch.id, kind: "created", state: "requested" });
        expect(JSON.parse((await notified) ?? "{}")).toMatchObject({ jobId: job.id, kind: "created" });
      } finally {
        await listener.end();
        await pool.end();
      }
    } finally {
      await closeDatabase(database);
    }
  }, 120_000);
});
