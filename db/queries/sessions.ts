// Server-side session records (see db/schema/sessions.ts). Ages are computed by the database
// clock, the same clock that wrote the timestamps, so app and database hosts may disagree.
import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { sessionUserFields } from "./users";

/** Starts a session at sign-in and prunes records long past any possible lifetime. */
export async function createSession({
  db,
  userId,
  pruneAfterHours,
}: {
  db: Executor;
  userId: string;
  pruneAfterHours: number;
}) {
  await db
    .delete(userSessions)
    .where(lt(userSessions.createdAt, sql`now() - make_interval(hours => ${pruneAfterHours})`));
  const [row] = await db
    .insert(userSessions)
    .values({ userId })
    .returning({ id: userSessions.id, createdAt: userSessions.createdAt });
  if (!row) throw new Error("session insert returned nothing");
  return row;
}

/** The user row and this session's record in one round trip, for every request's re-check. */
export async function findSessionRecord({
  db,
  userId,
  sessionId,
}: {
  db: Executor;
  userId: string;
  sessionId: string;
}) {
  const [row] = await db
    .select({
      user: sessionUserFields,
      session: {
        ended: sql<boolean>`${userSessions.endedAt} is not null`,
        endReason: userSessions.endReason,
        idleSeconds: sql<number>`extract(epoch from now() - ${userSessions.lastSeenAt})::float8`,
        ageSeconds: sql<number>`extract(epoch from now() - ${userSessions.createdAt})::float8`,
      },
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Records activity; a no-op when it was recorded less than `minIntervalSeconds` ago. */
export async function touchSession({
  db,
  id,
  minIntervalSeconds,
}: {
  db: Executor;
  id: string;
  minIntervalSeconds: number;
}) {
  await db
    .update(userSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(userSessions.id, id),
        isNull(userSessions.endedAt),
        lt(userSessions.lastSeenAt, sql`now() - make_interval(secs => ${minIntervalSeconds})`),
      ),
    );
}

export type SessionEndReason = "sign_out" | "idle" | "expired" | "password_changed";

export async function endSession({ db, id, reason }: { db: Executor; id: string; reason: SessionEndReason }) {
  await db
    .update(userSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.endedAt)));
}

/** Ends every open session of a user but one (the one that changed the password). */
export async function endOtherSessions({
  db,
  userId,
  keepId,
  reason,
}: {
  db: Executor;
  userId: string;
  keepId: string;
  reason: SessionEndReason;
}) {
  const rows = await db
    .update(userSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(userSessions.userId, userId), ne(userSessions.id, keepId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}
