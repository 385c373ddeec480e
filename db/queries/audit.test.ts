import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeBranch, makeCounter, makeJob, makeUser, uniq } from "@/db/testing/factories";
import { auditBatch, insertAudit, listAudit } from "./audit";

describe("audit queries", () => {
  afterAll(() => db.$client.end());

  it("filters by actor, action prefix, entity, branch and date, newest first, with paging", async () => {
    const branch = await makeBranch(db);
    const tag = uniq("t").toLowerCase();
    const base = { entityType: "station", entityId: "s1", ip: "10.0.0.1" };
    await insertAudit({
      db,
      entry: {
        ...base,
        action: `${tag}.register`,
        actorEmail: `a_${tag}@bank.example`,
        branchId: branch.id,
        at: new Date("2026-01-10T10:00:00Z"),
      },
    });
    await insertAudit({
      db,
      entry: {
        ...base,
        action: `${tag}.disable`,
        actorEmail: `b_${tag}@bank.example`,
        branchId: branch.id,
        at: new Date("2026-01-11T23:59:00Z"),
      },
    });
    await insertAudit({
      db,
      entry: {
        ...base,
        action: `${tag}.disable`,
        actorEmail: `b_${tag}@bank.example`,
        branchId: null,
        entityType: "user",
      },
    });

    const all = await listAudit({ db, query: { action: `${tag}.` }, page: 1, pageSize: 10 });
    expect(all.entries).toHaveLength(3);
    expect(all.hasMore).toBe(false);
    const byActor = await listAudit({ db, query: { action: tag, actor: `B_${tag}` }, page: 1, pageSize: 10 });
    expect(byActor.entries).toHaveLength(2);
    const inBranch = await listAudit({
      db,
      query: { action: tag, branchId: branch.id, entity: "station" },
      page: 1,
      pageSize: 1,
    });
    expect(inBranch.entries[0]?.action).toBe(`${tag}.disable`);
    expect(inBranch.hasMore).toBe(true);
    const dated = await listAudit({
      db,
      query: { action: tag, from: "2026-01-11", to: "2026-01-11" },
      page: 1,
      pageSize: 10,
    });
    expect(dated.entries.map((e) => e.action)).toEqual([`${tag}.disable`]);
    // LIKE wildcards in a filter are literal characters, not patterns.
    expect(
      (await listAudit({ db, query: { action: `${tag.slice(0, 2)}%` }, page: 1, pageSize: 10 })).entries,
    ).toHaveLength(0);

    const first = await auditBatch({ db, query: { action: tag }, limit: 2 });
    const rest = await auditBatch({ db, query: { action: tag }, beforeId: first.at(-1)!.id, limit: 2 });
    expect([...first, ...rest].map((e) => e.id)).toHaveLength(3);
  });

  it("reads the date filter as days of the branch's zone for a branch's log", async () => {
    const branch = await makeBranch(db);
    const tag = uniq("z").toLowerCase();
    // 23:30 UTC on 9 January is 00:30 on 10 January in Berlin.
    await insertAudit({
      db,
      entry: {
        action: `${tag}.late`,
        entityType: "station",
        branchId: branch.id,
        at: new Date("2026-01-09T23:30:00Z"),
      },
    });
    const day = (timeZone?: string) =>
      listAudit({ db, query: { action: tag, from: "2026-01-10", to: "2026-01-10", timeZone }, page: 1, pageSize: 10 });
    expect((await day("Europe/Berlin")).entries.map((e) => e.action)).toEqual([`${tag}.late`]);
    expect((await day()).entries).toEqual([]);
  });

  it("names the person, branch and entity of each entry, in the one query, even after a deletion", async () => {
    const counter = await makeCounter(db);
    const manager = await makeUser(db, "manager", counter.branch.id, { name: "Mara Manager" });
    const job = await makeJob(db, counter);
    const tag = uniq("n").toLowerCase();
    const entry = (entityType: string, entityId: string, extra: Record<string, unknown> = {}) =>
      insertAudit({
        db,
        entry: {
          action: `${tag}.${entityType}`,
          actorId: manager.id,
          actorEmail: manager.email,
          branchId: counter.branch.id,
          entityType,
          entityId,
          ...extra,
        },
      });
    await entry("station", counter.station.id);
    await entry("card_product", counter.product.id);
    await entry("user", counter.teller.id);
    await entry("branch", counter.branch.id);
    await entry("issuance_job", job.id);
    // A station deleted since: its entry still says which one, from its own snapshot.
    await entry("station", "00000000-0000-4000-8000-000000000000", { before: { label: "Typo printer" } });
    await entry("sso_group", "bank-tellers");

    const { entries } = await listAudit({ db, query: { action: tag }, page: 1, pageSize: 20 });
    const about = new Map(entries.map((e) => [`${e.entityType}:${e.entityId}`, e.entityName]));
    expect(about.get(`station:${counter.station.id}`)).toBe(
      `${counter.station.label} (${counter.station.persoStation})`,
    );
    expect(about.get(`card_product:${counter.product.id}`)).toBe(counter.product.name);
    expect(about.get(`user:${counter.teller.id}`)).toBe(`${counter.teller.name} (${counter.teller.email})`);
    expect(about.get(`branch:${counter.branch.id}`)).toBe(`${counter.branch.name} (${counter.branch.code})`);
    expect(about.get(`issuance_job:${job.id}`)).toBe(
      `${counter.product.name} for ${counter.customer.givenName} ${counter.customer.familyName}`,
    );
    expect(about.get("station:00000000-0000-4000-8000-000000000000")).toBe("Typo printer");
    expect(about.get("sso_group:bank-tellers")).toBe("bank-tellers");
    expect(entries.every((e) => e.actorName === "Mara Manager")).toBe(true);
    expect(entries.every((e) => e.branchName === `${counter.branch.name} (${counter.branch.code})`)).toBe(true);
    // The export's batches carry the same names.
    const batch = await auditBatch({ db, query: { action: tag }, limit: 20 });
    expect(batch.map((e) => e.entityName)).toEqual(entries.map((e) => e.entityName));
  });
});
