// Test support only: stands in for lib/auth/session.ts so that integration tests call the real
// server actions (wrapper, zod, handler, database) as a chosen user, without Auth.js cookies.
//   vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
// then actAs(user) before each call. Role and branch checks follow the real module's rules.
import type { users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

let current: CurrentUser | null = null;

/** Acts as a user row made by the factories (db/testing/factories.ts) until the next call. */
/** `training` defaults to the user's own flag (a test of a branch in training passes true). */
export function actAs(user: typeof users.$inferSelect, options: { training?: boolean } = {}): void {
  current = {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    branchId: user.branchId,
    active: user.active,
    mustChangePassword: false,
    language: user.language,
    sessionVersion: user.sessionVersion,
    training: options.training ?? user.training,
  };
}

export function requireRole(roles: readonly string[]): Promise<CurrentUser> {
  if (!current) return Promise.reject(new AppError("unauthorized:auth"));
  if (!roles.includes(current.role)) return Promise.reject(new AppError("forbidden:action"));
  return Promise.resolve(current);
}

export function recordActivity(): Promise<void> {
  return Promise.resolve();
}

export function assertBranch(user: CurrentUser, branchId: string | null): void {
  if (user.role === "admin") return;
  if (!branchId || user.branchId !== branchId) throw new AppError("forbidden:branch");
}
