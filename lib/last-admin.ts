import "server-only";
import type { Executor } from "@/db/client";
import { lockActiveAdmins, type AdminUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";

/**
 * Call inside the transaction, before locking the user row (admins are locked first, in id
 * order, so concurrent changes queue instead of deadlocking). Refuses a change that would leave
 * no active admin.
 */
export async function assertAdminRemains({
  db,
  target,
  stillAdmin,
}: {
  db: Executor;
  target: Pick<AdminUser, "id" | "name">;
  stillAdmin: boolean;
}): Promise<void> {
  const admins = await lockActiveAdmins({ db });
  if (stillAdmin || !admins.includes(target.id)) return;
  if (admins.length <= 1) {
    throw new AppError("conflict:user", {
      message: msg("Errors.lastAdmin", { name: target.name }),
    });
  }
}
