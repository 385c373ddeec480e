// requireUser / requireRole: every page, action and route calls one of these. The session is
// re-checked against the user row, so a deactivated user, a changed role or a reset password
// takes effect on the next request, not when the token expires.
import "server-only";
import { cache } from "react";
import { db } from "@/db";
import { findSessionUser, type SessionUser } from "@/db/queries/users";
import { AppError, type Surface } from "@/lib/errors";
import { auth } from "./auth";
import { AREA_ROLES, type Area, type Role } from "./roles";

export type CurrentUser = SessionUser;

/** The signed-in, active user for this request, or null. Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const row = await findSessionUser({ db, id });
  if (!row || !row.active || row.sessionVersion !== session.user.sessionVersion) return null;
  return row;
});

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
