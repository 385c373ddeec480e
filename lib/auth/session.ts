// requireUser / requireRole: every page, action and route calls one of these. The session is
// re-checked against the user row and its own server-side record on every request, so a
// deactivated user, a changed role, a reset password, a sign-out, an idle teller or a session
// past its absolute lifetime takes effect on the next request, not when the token expires.
import "server-only";
import { cache } from "react";
import { db } from "@/db";
import { touchSession } from "@/db/queries/sessions";
import type { SessionUser } from "@/db/queries/users";
import { AppError, type Surface } from "@/lib/errors";
import { auth } from "./auth";
import { AREA_ROLES, type Area, type Role } from "./roles";
import { checkSession, type EndedReason, type SessionClaims } from "./session-check";
import { TOUCH_INTERVAL_SECONDS } from "./session-policy";

export { SESSION_POLICY, type EndedReason } from "./session-check";

export type CurrentUser = SessionUser;

export type SessionStatus =
  { user: CurrentUser; sessionId: string; idleSeconds: number } | { user: null; ended: EndedReason | null };

/** The session of this request, checked against the database. Cached per request. */
export const sessionStatus = cache(async (): Promise<SessionStatus> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { user: null, ended: null };
  const sessionId = session.user.sessionId;
  // Tokens from before server-side sessions carry no id: they must sign in again.
  if (!sessionId) return { user: null, ended: "revoked" };
  const check = await checkSession({ userId: id, sessionId, sessionVersion: session.user.sessionVersion });
  if (!check.ok) return { user: null, ended: check.ended };
  return { user: check.user, sessionId, idleSeconds: check.idleSeconds };
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

export type GuardOptions = {
  /** Only for changing the password itself: allowed while a temporary password is set. */
  withTemporaryPassword?: boolean;
};

/**
 * A temporary password was chosen by an admin and handed over, so others may know it: until the
 * user has chosen their own, nothing but changing it (and signing out, which needs no guard) is
 * allowed, in actions and routes as on pages (which redirect to /account/password instead).
 */
/**
 * The checked session's claims, for a response that outlives the request (an event stream) and
 * must re-check them later without the request's cookie. Call after requireUser/requireRole.
 */
export async function sessionClaims(): Promise<SessionClaims> {
  const status = await sessionStatus();
  if (!status.user) throw new AppError("unauthorized:route");
  return { userId: status.user.id, sessionId: status.sessionId, sessionVersion: status.user.sessionVersion };
}

export async function requireUser(surface: Surface = "action", options: GuardOptions = {}): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError(`unauthorized:${surface === "route" ? "route" : "auth"}`);
  if (user.mustChangePassword && !options.withTemporaryPassword) {
    throw new AppError("forbidden:password_change_required");
  }
  return user;
}

export async function requireRole(
  roles: readonly Role[],
  options: GuardOptions & { surface?: Surface; branchId?: string | null } = {},
): Promise<CurrentUser> {
  const surface = options.surface ?? "action";
  const user = await requireUser(surface, options);
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
