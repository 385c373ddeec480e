import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DualControlStep } from "@/lib/vocabulary";
import { db } from "@/db";
import { secondSignerAssertions } from "@/db/schema";
import { insertAssertion } from "@/db/queries/second-signer-assertions";
import { makeBranch, makeUser } from "@/db/testing/factories";
import { hashPassword } from "@/lib/auth/password";
import { isAppError } from "@/lib/errors";
import { verifySecondSigner } from "./second-signer";

const PASSWORD = "second-signer-pass-1";
let branch: Awaited<ReturnType<typeof makeBranch>>;
let other: Awaited<ReturnType<typeof makeBranch>>;
let teller: Awaited<ReturnType<typeof makeUser>>;
let colleague: Awaited<ReturnType<typeof makeUser>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let elsewhere: Awaited<ReturnType<typeof makeUser>>;
let inactive: Awaited<ReturnType<typeof makeUser>>;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error)).toBe(true);
  return error as { code?: string; message: string; fieldErrors?: Record<string, string[]> };
}

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  branch = await makeBranch(db);
  other = await makeBranch(db);
  teller = await makeUser(db, "teller", branch.id, { passwordHash });
  colleague = await makeUser(db, "teller", branch.id, { passwordHash });
  manager = await makeUser(db, "manager", branch.id, { passwordHash });
  elsewhere = await makeUser(db, "teller", other.id, { passwordHash });
  inactive = await makeUser(db, "teller", branch.id, { passwordHash, active: false });
});
afterAll(() => db.$client.end());

const ask = (email: string, password = PASSWORD, roles: ("teller" | "manager")[] = ["teller", "manager"]) =>
  verifySecondSigner({ actor: { id: teller.id }, branchId: branch.id, step: "stock.receive", email, password, roles });

/** An assertion as the SSO callback stores it: `requestedBy` asked, `signer` confirmed. */
const assertion = (
  signer: { id: string },
  requestedBy = teller,
  branchId = branch.id,
  step: DualControlStep = "stock.receive",
) => insertAssertion({ db, requestedBy: requestedBy.id, signerId: signer.id, branchId, step });

const withAssertion = (
  assertionId: string,
  roles: ("teller" | "manager")[] = ["teller", "manager"],
  step: DualControlStep = "stock.receive",
) => verifySecondSigner({ actor: { id: teller.id }, branchId: branch.id, step, assertionId, roles });

describe("the second person of a dual-control step", () => {
  it("is accepted with their own password, another person of the same branch", async () => {
    await expect(ask(colleague.email.toUpperCase())).resolves.toMatchObject({ id: colleague.id, name: colleague.name });
  });

  it("is never the person asking", async () => {
    const error = await refusal(ask(teller.email));
    expect(error.fieldErrors?.secondEmail?.[0]).toMatch(/someone else/);
  });

  it("must give the right password, be active and of this branch", async () => {
    expect((await refusal(ask(colleague.email, "wrong-password"))).fieldErrors?.secondPassword).toBeDefined();
    expect((await refusal(ask(inactive.email))).message).toMatch(/not right/);
    expect((await refusal(ask(elsewhere.email))).fieldErrors?.secondEmail?.[0]).toMatch(/this branch/);
  });

  it("must have a role the step allows", async () => {
    expect((await refusal(ask(colleague.email, PASSWORD, ["manager"]))).fieldErrors?.secondEmail?.[0]).toMatch(
      /manager/,
    );
    await expect(ask(manager.email, PASSWORD, ["manager"])).resolves.toMatchObject({ id: manager.id });
  });

  it("is throttled like a sign-in, so it cannot be used to guess passwords", async () => {
    const target = await makeUser(db, "teller", branch.id, { passwordHash: await hashPassword(PASSWORD) });
    for (let i = 0; i < 5; i++) await refusal(ask(target.email, `wrong-${i}`));
    const locked = await refusal(ask(target.email));
    expect(locked.message).toMatch(/Too many/);
  });
});

describe("the second person confirmed through single sign-on (an assertion)", () => {
  it("is accepted once, for the person who asked and their branch, and says how they confirmed", async () => {
    const { id } = await assertion(colleague);
    await expect(withAssertion(id)).resolves.toMatchObject({ id: colleague.id, name: colleague.name, method: "sso" });
    // Used: never good again.
    const again = await refusal(withAssertion(id));
    expect(again.fieldErrors?.secondAssertion?.[0]).toMatch(/can no longer be used/);
  });

  it("is used by exactly one of two requests racing with it", async () => {
    const { id } = await assertion(colleague);
    const results = await Promise.allSettled([withAssertion(id), withAssertion(id), withAssertion(id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("expires 5 minutes after the identity provider confirmed", async () => {
    const { id } = await assertion(colleague);
    await db
      .update(secondSignerAssertions)
      .set({ createdAt: sql`now() - interval '301 seconds'` })
      .where(eq(secondSignerAssertions.id, id));
    expect((await refusal(withAssertion(id))).fieldErrors?.secondAssertion).toBeDefined();
  });

  it("is good for the step it was given for only: receiving stock is not destroying it", async () => {
    const forReceiving = await assertion(colleague);
    expect(
      (await refusal(withAssertion(forReceiving.id, undefined, "stock.destroy"))).fieldErrors?.secondAssertion,
    ).toBeDefined();
    // Refused for the other step, yet not used: still good for the step it was given for.
    await expect(withAssertion(forReceiving.id, undefined, "stock.receive")).resolves.toMatchObject({
      id: colleague.id,
    });
  });

  it("is not good for another requester, nor for another branch's step", async () => {
    const theirs = await assertion(colleague, manager);
    expect((await refusal(withAssertion(theirs.id))).fieldErrors?.secondAssertion).toBeDefined();
    const elsewhereStep = await assertion(colleague, teller, other.id);
    expect((await refusal(withAssertion(elsewhereStep.id))).fieldErrors?.secondAssertion).toBeDefined();
    // Refused, yet not used: the manager who asked can still use theirs.
    await expect(
      verifySecondSigner({
        actor: { id: manager.id },
        branchId: branch.id,
        step: "stock.receive",
        assertionId: theirs.id,
        roles: ["teller"],
      }),
    ).resolves.toMatchObject({ id: colleague.id });
  });

  it("refuses the same person and another branch's person with the password path's field errors", async () => {
    const same = await refusal(withAssertion((await assertion(teller)).id));
    const samePassword = await refusal(ask(teller.email));
    expect(same.fieldErrors).toEqual(samePassword.fieldErrors);
    const stranger = await refusal(withAssertion((await assertion(elsewhere)).id));
    const strangerPassword = await refusal(ask(elsewhere.email));
    expect(stranger.fieldErrors).toEqual(strangerPassword.fieldErrors);
  });

  it("refuses a person without the step's role, and a deactivated one", async () => {
    const role = await refusal(withAssertion((await assertion(colleague)).id, ["manager"]));
    expect(role.fieldErrors?.secondEmail?.[0]).toMatch(/manager/);
    const off = await refusal(withAssertion((await assertion(inactive)).id));
    expect(off.fieldErrors?.secondAssertion?.[0]).toMatch(/deactivated/);
  });
});
