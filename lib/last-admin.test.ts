import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { makeUser } from "@/db/testing/factories";
import { freshDatabase } from "@/db/testing/fresh";
import { findUserForAdmin, updateUser } from "@/db/queries/users";
import { isAppError } from "./errors";
import { assertAdminRemains } from "./last-admin";

// Counts every admin in the database, so it runs on a database of its own.
describe("the last active admin", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Database;
  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
  });
  afterAll(() => fresh.dispose());

  const demote = (id: string) =>
    db.transaction(async (tx) => {
      const target = (await findUserForAdmin({ db: tx, id }))!;
      await assertAdminRemains({ db: tx, target, stillAdmin: false });
      await updateUser({ db: tx, id, values: { role: "teller" }, endSessions: true });
    });

  it("can be demoted while another admin remains, but the last one cannot", async () => {
    const a = await makeUser(db, "admin", null);
    const b = await makeUser(db, "admin", null);
    await demote(a.id);
    const refused = await demote(b.id).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("conflict:user");
    expect((await findUserForAdmin({ db, id: b.id }))?.role).toBe("admin");
  });

  it("survives two admins demoting each other at the same moment", async () => {
    await db.execute("update users set active = false where role = 'admin'");
    const c = await makeUser(db, "admin", null);
    const d = await makeUser(db, "admin", null);
    const results = await Promise.allSettled([demote(c.id), demote(d.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [(await findUserForAdmin({ db, id: c.id }))?.role, (await findUserForAdmin({ db, id: d.id }))?.role];
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
  });

  it("bumps the session version when sessions must end", async () => {
    const e = await makeUser(db, "teller", null);
    await updateUser({ db, id: e.id, values: { name: "Renamed" }, endSessions: false });
    const { rows } = await db.execute<{ session_version: number }>(
      `select session_version from users where id = '${e.id}'`,
    );
    expect(rows[0]?.session_version).toBe(1);
    await updateUser({ db, id: e.id, values: { active: false }, endSessions: true });
    const after = await db.execute<{ session_version: number }>(
      `select session_version from users where id = '${e.id}'`,
    );
    expect(after.rows[0]?.session_version).toBe(2);
  });
});
