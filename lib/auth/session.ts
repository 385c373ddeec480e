// requireUser / requireRole: every page, action and route calls one of these. The session is
// re-checked against the user row and its own server-side record on every request, so a
// deactivated user, a changed role, a reset password, a sign-out, an idle teller or a session
// past its absolute lifetime takes effect on the next request, not when the token expires.
import "server-only";
import { cache } from "react";
import { db } from "@/db";
import { endSession, findSessionRecord, touchSession } from "@/db/queries/sessions";
import type { SessionUser } from "@/db/queries/users";
import { env } from "@/lib/env";
import { AppError, type Surface } from "@/lib/errors";
import { log } from "@/lib/log";
import { auth } from "./auth";
import { AREA_ROLES, type Area, type Role } from "./roles";
import { sessionVerdict, TOUCH_INTERVAL_SECONDS } from "./session-policy";

export type CurrentUser = SessionUser;

/** Why a signed cookie was refused: changed account or signed out elsewhere, idle, or too old. */
export type EndedReason = "revoked" | "idle" | "expired";

export type SessionStatus =
  { user: CurrentUser; sessionId: string; idleSeconds: number } | { user: null; ended: EndedReason | null };

export const SESSION_POLICY = { idleMinutes: env.SESSION_IDLE_MINUTES, maxAgeHours: env.SESSION_MAX_AGE_HOURS };

/** The session of this request, checked against the database. Cached per request. */
export const sessionStatus = cache(async (): Promise<SessionStatus> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { user: null, ended: null };
  const sessionId = session.user.sessionId;
  // Tokens from before server-side sessions carry no id: they must sign in again.
  if (!sessionId) return { user: null, ended: "revoked" };
  const row = await findSessionRecord({ db, userId: id, sessionId });
  if (!row || !row.user.active || row.user.sessionVersion !== session.user.sessionVersion)
    return { user: null, ended: "revoked" };
  const { ended, endReason, ageSeconds, idleSeconds } = row.session;
  if (ended) return { user: null, ended: endReason === "idle" || endReason === "expired" ? endReason : "revoked" };
  const verdict = sessionVerdict({ role: row.user.role, ageSeconds, idleSeconds }, SESSION_POLICY);
  if (verdict !== "ok") {
    await endSession({ db, id: sessionId, reason: verdict });
    log.info({ event: "session_ended", reason: verdict, userId: id }, "session ended");
    return { user: null, ended: verdict };
  }
  return { user: row.user, sessionId, idleSeconds };
});

/** The signed-in, active user for this request, or null. Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => (await sessionStatus()).user);

/**
 * Records that the user did something (a page render or a server action). Event streams and
 * polling routes must not call this: they run without the user and would keep an idle teller in.
 */
export const recordActivity = cache(async (): Promise<void> => {
  const status = await sessionStatus();
  if (!status.user || status.idleSeconds < TOUCH_INTERVAL_SECONDS) return;
  await touchSession({ db, id: status.sessionId, minIntervalSeconds: TOUCH_INTERVAL_SECONDS });
});

/** The idle timer's report of key presses and clicks; it sends one a minute at most. */
export async function recordReportedActivity(): Promise<void> {
  const status = await sessionStatus();
  if (status.user) await touchSession({ db, id: status.sessionId, minIntervalSeconds: 0 });
}

export async function requireUser(surface: Surface = "action"): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError(`unauthorized:${surface === "route" ? "route" : "auth"}`);
  return user;
}

export async function requireRole(
  roles: readonly Role[],
  options: { surface?: Surface; branchId?: string | null } = {},
): Promise<CurrentUser> {
  const surface = options.surface ?? "action";
  const user = await requireUser(surface);
  if (!roles.includes(user.role)) throw new AppError(`forbidden:${surface}`);
  if (options.branchId !== undefined) assertBranch(user, options.branchId);
  return user;
}

export function requireArea(area: Area, surface: Surface = "page"): Promise<CurrentUser> {
  return requireRole(AREA_ROLES[area], { surface });
}

/** Admins see every branch; everyone else only their own. */
export function assertBranch(user: CurrentUser, branchId: string | null): void {
  if (user.role === "admin") return;
  if (!branchId || user.branchId !== branchId) throw new AppError("forbidden:branch");
}
