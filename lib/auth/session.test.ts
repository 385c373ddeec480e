// currentUser() against the real database: the session record decides idle, lifetime and
// sign-out. Auth.js is replaced by a settable session (the cookie's content).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { createSession, endSession } from "@/db/queries/sessions";
import { userSessions, users } from "@/db/schema";
import { makeBranch, makeUser } from "@/db/testing/factories";
import type { Role } from "./roles";

const cookie = vi.hoisted(() => ({ session: null as null | { user: Record<string, unknown> } }));
vi.mock("./auth", () => ({ auth: () => Promise.resolve(cookie.session) }));

const { recordActivity, recordReportedActivity, sessionStatus } = await import("./session");

afterAll(() => db.$client.end());

async function signIn(role: Role) {
  const branch = await makeBranch(db);
  const user = await makeUser(db, role, role === "admin" ? null : branch.id);
  const session = await createSession({ db, userId: user.id, pruneAfterHours: 34 });
  cookie.session = { user: { id: user.id, role, sessionVersion: user.sessionVersion, sessionId: session.id } };
  return { user, sessionId: session.id };
}

const setAgo = (id: string, column: "lastSeenAt" | "createdAt", seconds: number) =>
  db
    .update(userSessions)
    .set({ [column]: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(userSessions.id, id));

const record = async (id: string) => (await db.select().from(userSessions).where(eq(userSessions.id, id)))[0]!;

describe("server-side sessions", () => {
  beforeEach(() => {
    cookie.session = null;
  });

  it("accepts a fresh session and refuses no cookie", async () => {
    expect(await sessionStatus()).toEqual({ user: null, ended: null });
    const { user } = await signIn("teller");
    const status = await sessionStatus();
    expect(status.user?.id).toBe(user.id);
  });

  it("ends a teller session idle past the limit, and keeps it ended", async () => {
    const { sessionId } = await signIn("teller");
    await setAgo(sessionId, "lastSeenAt", 15 * 60);
    expect((await sessionStatus()).user).not.toBeNull();
    await setAgo(sessionId, "lastSeenAt", 16 * 60 + 1);
    expect(await sessionStatus()).toEqual({ user: null, ended: "idle" });
    expect(await record(sessionId)).toMatchObject({ endReason: "idle" });
    expect((await record(sessionId)).endedAt).not.toBeNull();
    // Activity afterwards does not revive it.
    await setAgo(sessionId, "lastSeenAt", 0);
    expect(await sessionStatus()).toEqual({ user: null, ended: "idle" });
  });

  it("does not time out an idle manager", async () => {
    const { sessionId } = await signIn("manager");
    await setAgo(sessionId, "lastSeenAt", 3 * 3600);
    expect((await sessionStatus()).user).not.toBeNull();
  });

  it("ends any session at the absolute lifetime counted from sign-in", async () => {
    const { sessionId } = await signIn("admin");
    await setAgo(sessionId, "createdAt", 10 * 3600 - 30);
    expect((await sessionStatus()).user).not.toBeNull();
    await setAgo(sessionId, "createdAt", 10 * 3600 + 1);
    expect(await sessionStatus()).toEqual({ user: null, ended: "expired" });
  });

  it("refuses a signed-out session, a token without a session id and an old session version", async () => {
    const { user, sessionId } = await signIn("teller");
    await endSession({ db, id: sessionId, reason: "sign_out" });
    expect(await sessionStatus()).toEqual({ user: null, ended: "revoked" });

    const other = await createSession({ db, userId: user.id, pruneAfterHours: 34 });
    cookie.session = { user: { id: user.id, sessionVersion: user.sessionVersion } };
    expect(await sessionStatus()).toEqual({ user: null, ended: "revoked" });
    cookie.session = { user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: other.id } };
    expect((await sessionStatus()).user).not.toBeNull();
    await db
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    expect(await sessionStatus()).toEqual({ user: null, ended: "revoked" });
  });

  it("refuses another user's session id", async () => {
    const a = await signIn("teller");
    const b = await signIn("teller");
    cookie.session = { user: { id: b.user.id, sessionVersion: b.user.sessionVersion, sessionId: a.sessionId } };
    expect(await sessionStatus()).toEqual({ user: null, ended: "revoked" });
  });

  it("records activity at most once a minute; the timer's reports always", async () => {
    const { sessionId } = await signIn("teller");
    await setAgo(sessionId, "lastSeenAt", 30);
    await recordActivity();
    const idle = async () =>
      Number(
        (
          await db.execute<{ s: number }>(
            sql`select extract(epoch from now() - last_seen_at)::float8 as s from user_sessions where id = ${sessionId}`,
          )
        ).rows[0]!.s,
      );
    expect(await idle()).toBeGreaterThanOrEqual(29);
    await setAgo(sessionId, "lastSeenAt", 61);
    await recordActivity();
    expect(await idle()).toBeLessThan(5);
    await setAgo(sessionId, "lastSeenAt", 30);
    await recordReportedActivity();
    expect(await idle()).toBeLessThan(5);
  });
});
