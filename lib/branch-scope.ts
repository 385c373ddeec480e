import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { assertBranch } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/**
 * The branch a board or station request is about: a manager's own (asking for another is
 * refused, not silently replaced), or for an admin the one asked for, else their own.
 */
export function branchInScope(user: CurrentUser, requested: string | null | undefined): string {
  if (requested && !isUuid(requested))
    throw new AppError("bad_request:route", { message: "branchId must be a branch id." });
  const branchId = requested || user.branchId;
  if (!branchId)
    throw new AppError("bad_request:route", { message: "Choose a branch: add ?branchId= to the request." });
  assertBranch(user, branchId);
  return branchId;
}
