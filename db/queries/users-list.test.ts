// The admin's users list filters, and what the password page tells a new user versus a reset one.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeBranch, makeUser, uniq } from "@/db/testing/factories";
import { insertAudit } from "./audit";
import { listUsersForAdmin, passwordWasReset } from "./users";

afterAll(() => db.$client.end());

describe("users list and first password", () => {
  it("filters by part of the name or e-mail (any case, % taken literally), role, branch and status", async () => {
    const branch = await makeBranch(db);
    const tag = uniq("zq");
    const teller = await makeUser(db, "teller", branch.id, { name: `Tara ${tag}` });
    const manager = await makeUser(db, "manager", branch.id, { name: `Max ${tag}`, active: false });
    const ids = async (filter: Parameters<typeof listUsersForAdmin>[0]["filter"]) =>
      (await listUsersForAdmin({ db, filter })).map((u) => u.id).sort();
    expect(await ids({ q: tag.toUpperCase() })).toEqual([teller.id, manager.id].sort());
    expect(await ids({ q: `tara ${tag}` })).toEqual([teller.id]);
    expect(await ids({ q: `${tag}%` })).toEqual([]);
    expect(await ids({ q: tag, role: "manager" })).toEqual([manager.id]);
    expect(await ids({ branchId: branch.id, status: "active" })).toEqual([teller.id]);
    expect(await ids({ branchId: branch.id, status: "deactivated" })).toEqual([manager.id]);
  });

  it("knows a reset password from a new user's first one", async () => {
    const user = await makeUser(db, "teller", null, { mustChangePassword: true });
    expect(await passwordWasReset({ db, userId: user.id })).toBe(false);
    await insertAudit({
      db,
      entry: { action: "user.reset_password", entityType: "user", entityId: user.id },
    });
    expect(await passwordWasReset({ db, userId: user.id })).toBe(true);
  });
});
