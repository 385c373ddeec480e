import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
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
  verifySecondSigner({ actor: { id: teller.id }, branchId: branch.id, email, password, roles });

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
