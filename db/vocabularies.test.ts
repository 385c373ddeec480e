// The closed vocabularies are enforced by PostgreSQL itself (CHECK constraints built from
// lib/vocabulary.ts), whatever writes the row, and migration 0009 converts the rows of an
// existing database without touching them.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/db";
import { JOB_STATES } from "@/lib/vocabulary";
import { createDb, createPool, type Executor } from "./client";
import { migrateDatabase, migrationsFolder } from "./migrate";
import { applyD1StatusUpdates } from "./queries/job-updates";
import { insertJobEvent } from "./queries/jobs";
import { pgErrorCode } from "./queries/pg-error";
import { makeCounter, makeJob, uniq } from "./testing/factories";

const CHECK_VIOLATION = "23514";

/** One of each row an issuance needs, in SQL against the schema as it was at migration 0008. */
async function rowsAt0008(x: Executor) {
  const one = async (query: ReturnType<typeof sql>) => (await x.execute<{ id: string }>(query)).rows[0]!.id;
  const code = uniq("T").toUpperCase();
  const branchId = await one(sql`insert into branches (code, name) values (${code}, 'Old branch') returning id`);
  const perso = uniq("PS-").toUpperCase();
  const stationId = await one(
    sql`insert into stations (perso_station, branch_id, label, is_default) values (${perso}, ${branchId}, 'Old station', true) returning id`,
  );
  const user = (role: string) =>
    one(
      sql`insert into users (name, email, role, branch_id) values (${`Old ${role}`}, ${`${uniq(role)}@test.example`}, ${role}, ${branchId}) returning id`,
    );
  const tellerId = await user("teller");
  const managerId = await user("manager");
  const customerId = await one(
    sql`insert into customers (customer_number, given_name, family_name, date_of_birth, national_id, phone, address)
        values (${uniq("C")}, 'Jane', 'Old', '1980-04-01', ${uniq("N")}, '+49 151 0000000', '{"line1":"Main St 1","city":"Berlin","postalCode":"10115","country":"DE"}'::jsonb)
        returning id`,
  );
  const productId = await one(
    sql`insert into card_products (name, d1_card_product_id, bin, payment_application, emboss_rules)
        values (${uniq("Old product ")}, ${uniq("PROD_").toUpperCase()}, '453201', '{}'::jsonb, '{}'::jsonb) returning id`,
  );
  const cardId = uniq("card-");
  const jobId = await one(
    sql`insert into issuance_jobs (card_id, issuer_request_id, request_key, branch_id, customer_id, product_id, station_id,
                                   perso_station, requested_by, reason, name_on_card, state)
        values (${cardId}, ${uniq("req-")}, ${uniq("key-")}, ${branchId}, ${customerId}, ${productId}, ${stationId},
                ${perso}, ${tellerId}, 'RENEWAL', 'JANE OLD', 'requested') returning id`,
  );
  return {
    counter: { branch: { id: branchId }, teller: { id: tellerId } },
    manager: { id: managerId },
    job: { id: jobId, cardId },
  };
}

async function refusal(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
    return "accepted";
  } catch (error) {
    return pgErrorCode(error);
  }
}

describe("closed vocabularies in the database", () => {
  afterAll(() => db.$client.end());

  it("refuses a job state, an event state, a reason or a role it does not know", async () => {
    const counter = await makeCounter(db);
    const job = await makeJob(db, counter);
    // Raw SQL, as a hand-written query or another program would write: the types do not help here.
    expect(await refusal(db.execute(sql`update issuance_jobs set state = 'shipped' where id = ${job.id}`))).toBe(
      CHECK_VIOLATION,
    );
    expect(await refusal(db.execute(sql`update issuance_jobs set reason = 'GIFT' where id = ${job.id}`))).toBe(
      CHECK_VIOLATION,
    );
    expect(
      await refusal(
        db.execute(
          sql`insert into job_events (job_id, branch_id, kind, state) values (${job.id}, ${counter.branch.id}, 'note', 'CARD_SHIPPED')`,
        ),
      ),
    ).toBe(CHECK_VIOLATION);
    expect(await refusal(db.execute(sql`update users set role = 'auditor' where id = ${counter.teller.id}`))).toBe(
      CHECK_VIOLATION,
    );
  });

  it("accepts every state of the vocabulary", async () => {
    const counter = await makeCounter(db);
    const job = await makeJob(db, counter);
    for (const state of JOB_STATES) {
      await db.execute(sql`update issuance_jobs set state = ${state} where id = ${job.id}`);
      await insertJobEvent({ db, event: { jobId: job.id, branchId: counter.branch.id, kind: "test", state } });
    }
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from job_events where job_id = ${job.id}`,
    );
    expect(rows[0]?.n).toBe(JOB_STATES.length);
  });

  it("keeps a D1 status it does not know as an event, without touching the job's state", async () => {
    const counter = await makeCounter(db);
    const job = await makeJob(db, counter, { state: "requested" });
    const result = await applyD1StatusUpdates({
      db,
      updates: [{ cardId: job.cardId, operationId: uniq("op-"), d1Status: "CARD_SHIPPED", newState: null }],
    });
    expect(result).toMatchObject({ recorded: 1, applied: 0 });
    const { rows } = await db.execute<{ kind: string; state: string; d1_status: string }>(
      sql`select kind, state, d1_status from job_events where job_id = ${job.id}`,
    );
    expect(rows).toEqual([{ kind: "d1_status_unknown", state: "requested", d1_status: "CARD_SHIPPED" }]);
  });
});

describe("migration 0009 on a database with rows", () => {
  const serverUrl = inject("databaseServerUrl");
  const name = `bii_vocab_${randomBytes(4).toString("hex")}`;
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  let folder = "";

  async function admin(query: string) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  }

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("converts existing users, jobs and events, and the state functions keep working", async () => {
    // The committed migrations up to 0008, then rows written against that schema.
    folder = await mkdtemp(path.join(tmpdir(), "bii-migrations-"));
    await cp(migrationsFolder, folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
    const before = journal.entries.findIndex((e) => e.tag.startsWith("0009_"));
    expect(before).toBeGreaterThan(0);
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));
    await admin(`CREATE DATABASE "${name}"`);

    const pool = createPool(url, 2);
    try {
      const old = createDb(pool);
      await migrate(old, { migrationsFolder: folder });
      const typeOfRole = async (x: Executor) =>
        (
          await x.execute<{ t: string }>(
            sql`select data_type as t from information_schema.columns where table_name = 'users' and column_name = 'role'`,
          )
        ).rows[0]?.t;
      expect(await typeOfRole(old)).toBe("USER-DEFINED");
      // Rows written with the columns of the 0008 schema (the factories follow today's tables).
      const { counter, manager, job } = await rowsAt0008(old);
      await insertJobEvent({
        db: old,
        event: { jobId: job.id, branchId: counter.branch.id, kind: "accepted", state: "requested" },
      });

      await migrateDatabase(url);

      expect(await typeOfRole(old)).toBe("text");
      const { rows: roles } = await old.execute<{ id: string; role: string }>(
        sql`select id, role from users where id in (${counter.teller.id}, ${manager.id}) order by role`,
      );
      expect(roles).toEqual([
        { id: manager.id, role: "manager" },
        { id: counter.teller.id, role: "teller" },
      ]);
      const { rows: jobs } = await old.execute<{ state: string; reason: string; rank: number }>(
        sql`select state, reason, issuance_state_rank(state) as rank from issuance_jobs where id = ${job.id}`,
      );
      expect(jobs).toEqual([{ state: "requested", reason: "RENEWAL", rank: 1 }]);
      expect((await old.execute(sql`select 1 from pg_type where typname = 'user_role'`)).rows).toHaveLength(0);

      // The receiver's one-statement update (issuance_state_rank, the notify trigger) still moves the job.
      const applied = await applyD1StatusUpdates({
        db: old,
        updates: [{ cardId: job.cardId, operationId: uniq("op-"), d1Status: "CARD_PROD_DONE", newState: "done" }],
      });
      expect(applied).toMatchObject({ recorded: 1, applied: 1 });
      expect(await refusal(old.execute(sql`update issuance_jobs set state = 'shipped' where id = ${job.id}`))).toBe(
        CHECK_VIOLATION,
      );
    } finally {
      await pool.end();
    }
  });
});
