// The real actions and a real route handler against the database, with only the cookie (Auth.js),
// the request headers and Next.js's navigation replaced: a temporary password allows nothing but
// changing it, and changing a password ends every other session of the user and keeps this one.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { issuanceJobs, userSessions, users } from "@/db/schema";
import { makeCounter, makeSession } from "@/db/testing/factories";
import { hashPassword } from "./password";

const cookie = vi.hoisted(() => ({ session: null as null | { user: Record<string, unknown> } }));
vi.mock("./auth", () => ({ auth: () => Promise.resolve(cookie.session) }));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "203.0.113.5", userAgent: "vitest" }) }));
// A successful action redirects (which throws in Next.js); here it only records where to.
const navigation = vi.hoisted(() => ({ redirect: vi.fn() }));
vi.mock("next/navigation", () => navigation);

const { issueCardAction } = await import("@/lib/actions/teller/issue-card");
const { changePasswordAction } = await import("@/lib/actions/auth/change-password");
const { GET: tellerJobs } = await import("@/app/api/teller/jobs/route");
const { sessionStatus } = await import("./session");

afterAll(() => db.$client.end());

const TEMPORARY = "temporary-Pass-1234";
const CHOSEN = "my-own-Pass-5678-x";

type Claims = Awaited<ReturnType<typeof makeSession>>;
const presentCookie = (claims: Claims) => {
  cookie.session = {
    user: { id: claims.userId, sessionId: claims.sessionId, sessionVersion: claims.sessionVersion },
  };
};

async function tellerWithPassword(mustChangePassword: boolean) {
  const counter = await makeCounter(db);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(TEMPORARY), mustChangePassword })
    .where(eq(users.id, counter.teller.id));
  return { counter, session: await makeSession(db, counter.teller) };
}

const listJobs = () => tellerJobs(new Request("http://localhost/api/teller/jobs"));
const change = () => changePasswordAction({ currentPassword: TEMPORARY, newPassword: CHOSEN, confirmPassword: CHOSEN });

beforeEach(() => {
  cookie.session = null;
  navigation.redirect.mockClear();
});

describe("a temporary password", () => {
  it("refuses every action and route until the user has chosen a password; then they work", async () => {
    const { counter, session } = await tellerWithPassword(true);
    presentCookie(session);
    const request = {
      requestKey: randomUUID(),
      customerId: counter.customer.id,
      productId: counter.product.id,
      stationId: counter.station.id,
      reason: "CREATION" as const,
      nameOnCard: "JANE DOE",
    };

    const issued = await issueCardAction(request);
    expect(issued).toMatchObject({ ok: false, code: "forbidden:password_change_required" });
    expect(issued.ok ? "" : issued.message).toMatch(/temporary password/);
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.customerId, counter.customer.id))).toEqual([]);

    const listed = await listJobs();
    expect(listed.status).toBe(403);
    expect(await listed.json()).toMatchObject({ code: "forbidden:password_change_required" });

    // Changing the password is the one thing allowed, and lifts the refusal for this session.
    expect(await change()).toEqual({ ok: true, data: null });
    expect(navigation.redirect).toHaveBeenCalledWith("/");
    expect((await listJobs()).status).toBe(200);
    const again = await issueCardAction({ ...request, customerId: "not-a-uuid" });
    expect(again).toMatchObject({ ok: false, code: "invalid:action" });
  });

  it("does not refuse a user without one", async () => {
    const { session } = await tellerWithPassword(false);
    presentCookie(session);
    expect((await listJobs()).status).toBe(200);
  });
});

describe("changing one's own password", () => {
  it("ends every other session of the user in the same step and keeps the current one", async () => {
    const { counter, session: thief } = await tellerWithPassword(false);
    const mine = await makeSession(db, counter.teller);
    const third = await makeSession(db, counter.teller);
    const someoneElse = await makeSession(db, (await makeCounter(db)).teller);

    presentCookie(thief);
    expect((await sessionStatus()).user?.id).toBe(counter.teller.id);

    presentCookie(mine);
    expect(await change()).toEqual({ ok: true, data: null });
    expect((await sessionStatus()).user?.id).toBe(counter.teller.id);
    expect((await listJobs()).status).toBe(200);

    for (const other of [thief, third]) {
      presentCookie(other);
      expect(await sessionStatus()).toEqual({ user: null, ended: "revoked" });
      expect((await listJobs()).status).toBe(401);
    }
    const [ended] = await db.select().from(userSessions).where(eq(userSessions.id, thief.sessionId));
    expect(ended).toMatchObject({ endReason: "password_changed" });
    presentCookie(someoneElse);
    expect((await sessionStatus()).user).not.toBeNull();
  });

  it("with a wrong current password changes nothing and ends no session", async () => {
    const { counter, session } = await tellerWithPassword(false);
    const other = await makeSession(db, counter.teller);
    presentCookie(session);
    const refused = await changePasswordAction({
      currentPassword: "not-the-password-1",
      newPassword: CHOSEN,
      confirmPassword: CHOSEN,
    });
    expect(refused).toMatchObject({ ok: false, code: "invalid:auth" });
    presentCookie(other);
    expect((await sessionStatus()).user).not.toBeNull();
  });
});
