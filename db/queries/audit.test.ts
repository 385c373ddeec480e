import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeBranch, uniq } from "@/db/testing/factories";
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
});
