"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findUserForAdmin, findUserForUpdate, updateUser } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { assertAdminRemains } from "@/lib/last-admin";
import { setUserActiveSchema } from "@/lib/validations/user";

/** Deactivates a user (their sessions end at once) or reactivates them. */
export const setUserActiveAction = createAction({
  name: "setUserActive",
  roles: ["admin"],
  input: setUserActiveSchema,
  handler: async ({ userId, active }, ctx) => {
    if (!active && userId === ctx.user.id) {
      throw new AppError("conflict:user", {
        message: msg("Errors.deactivateSelf"),
      });
    }
    const current = await findUserForAdmin({ db, id: userId });
    if (!current) throw new AppError("not_found:user");
    const result = await db.transaction(async (tx) => {
      await assertAdminRemains({ db: tx, target: current, stillAdmin: active });
      const before = await findUserForUpdate({ db: tx, id: userId });
      if (!before) throw new AppError("not_found:user");
      if (before.active === active) return { userId, active };
      await updateUser({ db: tx, id: userId, values: { active }, endSessions: !active });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: before.branchId,
          action: active ? "user.reactivate" : "user.deactivate",
          entityType: "user",
          entityId: userId,
          before: { active: before.active },
          after: { active },
        }),
      });
      return { userId, active };
    });
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${userId}`);
    return result;
  },
});
