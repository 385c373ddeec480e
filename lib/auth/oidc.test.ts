import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { findUserByEmail } from "@/db/queries/users";
import { users } from "@/db/schema";
import { deleteSsoGroupRole, upsertSsoGroupRole } from "@/db/queries/sso";
import { makeBranch, makeUser, uniq } from "@/db/testing/factories";
import { provisionOidcUser, resolveOidcUser } from "./oidc";

afterAll(() => db.$client.end());

describe("SSO user provisioning", () => {
  let branchCode: string;
  beforeAll(async () => {
    branchCode = (await makeBranch(db)).code;
  });

  it("creates a user with the role and branch from the claims, and updates them at the next sign-in", async () => {
    const email = `${uniq("sso")}@bank.example`;
    const created = await provisionOidcUser({
      email,
      name: "Sam Sso",
      role: "teller",
      branch: branchCode.toLowerCase(),
    });
    expect(created).toMatchObject({ email, role: "teller", active: true });
    expect(created?.branchId).not.toBeNull();
    const again = await provisionOidcUser({
      email: email.toUpperCase(),
      name: "Sam Sso",
      role: ["x", "manager"],
      branch: branchCode,
    });
    expect(again?.id).toBe(created?.id);
    expect((await findUserByEmail({ db, email }))?.role).toBe("manager");
  });

  it("refuses users without a valid role, or without a known branch unless admin", async () => {
    expect(
      await provisionOidcUser({ email: `${uniq()}@bank.example`, role: "superuser", branch: branchCode }),
    ).toBeNull();
    expect(await provisionOidcUser({ email: `${uniq()}@bank.example`, role: "teller", branch: "NOPE" })).toBeNull();
    expect(await provisionOidcUser({ email: `${uniq()}@bank.example`, role: "admin" })).toMatchObject({
      role: "admin",
      branchId: null,
    });
  });

  it("refuses a deactivated user", async () => {
    const email = `${uniq("off")}@bank.example`;
    const user = await provisionOidcUser({ email, role: "teller", branch: branchCode });
    await db.update(users).set({ active: false }).where(eq(users.id, user!.id));
    expect(await provisionOidcUser({ email, role: "teller", branch: branchCode })).toBeNull();
  });
});

describe("SSO roles from the IdP's groups", () => {
  let branchCode: string;
  const suffix = uniq("grp");
  const tellers = `BII-Tellers-${suffix}`;
  const managers = `BII-Managers-${suffix}`;
  beforeAll(async () => {
    branchCode = (await makeBranch(db)).code;
    const admin = await makeUser(db, "admin", null);
    await upsertSsoGroupRole({ db, groupName: tellers, role: "teller", createdBy: admin.id });
    await upsertSsoGroupRole({ db, groupName: managers, role: "manager", createdBy: admin.id });
  });

  it("gives the mapped role of a group, matched ignoring case, and the highest of several", async () => {
    const email = `${uniq("g")}@bank.example`;
    expect(
      await resolveOidcUser({ email, groups: ["All-Staff", tellers.toLowerCase()], branch: branchCode }),
    ).toMatchObject({ ok: true, role: "teller" });
    expect(await resolveOidcUser({ email, groups: [tellers, managers], branch: branchCode })).toMatchObject({
      ok: true,
      role: "manager",
    });
    // A single group as a string, as some IdPs send it.
    expect(await resolveOidcUser({ email, groups: managers, branch: branchCode })).toMatchObject({ role: "manager" });
  });

  it("prefers a role claim to the groups", async () => {
    const verdict = await resolveOidcUser({
      email: `${uniq()}@b.example`,
      role: "teller",
      groups: [managers],
      branch: branchCode,
    });
    expect(verdict).toMatchObject({ ok: true, role: "teller" });
  });

  it("names the reason of a refusal", async () => {
    const email = `${uniq("r")}@bank.example`;
    expect(await resolveOidcUser({ email, groups: ["Unmapped"], branch: branchCode })).toEqual({
      ok: false,
      reason: "no_role",
    });
    expect(await resolveOidcUser({ email, groups: [tellers], branch: "BR-NOWHERE" })).toEqual({
      ok: false,
      reason: "no_branch",
    });
    expect(await resolveOidcUser({ groups: [tellers], branch: branchCode })).toEqual({ ok: false, reason: "no_email" });
  });

  it("stops giving the role once the mapping is removed", async () => {
    const group = `Temp-${uniq()}`;
    const admin = await makeUser(db, "admin", null);
    await upsertSsoGroupRole({ db, groupName: group, role: "teller", createdBy: admin.id });
    const profile = { email: `${uniq()}@bank.example`, groups: [group], branch: branchCode };
    expect(await provisionOidcUser(profile)).toMatchObject({ role: "teller" });
    expect(await deleteSsoGroupRole({ db, groupName: group.toUpperCase() })).toBe("teller");
    expect(await provisionOidcUser(profile)).toBeNull();
  });
});
