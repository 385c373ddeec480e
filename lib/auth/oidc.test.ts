import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { findUserByEmail } from "@/db/queries/users";
import { users } from "@/db/schema";
import { makeBranch, uniq } from "@/db/testing/factories";
import { provisionOidcUser } from "./oidc";

describe("SSO user provisioning", () => {
  let branchCode: string;
  beforeAll(async () => {
    branchCode = (await makeBranch(db)).code;
  });
  afterAll(() => db.$client.end());

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
