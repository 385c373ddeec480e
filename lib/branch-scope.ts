import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { assertBranch } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { isUuid } from "@/lib/uuid";

/**
 * The branch a board or station request is about: a manager's own (asking for another is
 * refused, not silently replaced), or for an admin the one asked for, else their own.
 */
export function branchInScope(user: CurrentUser, requested: string | null | undefined): string {
  if (requested && !isUuid(requested))
    throw new AppError("bad_request:route", { message: msg("Errors.branchIdInvalid") });
  const branchId = requested || user.branchId;
  if (!branchId) throw new AppError("bad_request:route", { message: msg("Errors.branchIdMissing") });
  assertBranch(user, branchId);
  return branchId;
}
