"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findBranch } from "@/db/queries/branches";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { emailTaken, findUserForAdmin, findUserForUpdate, updateUser } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { assertAdminRemains } from "@/lib/last-admin";
import { userSnapshot } from "@/lib/snapshots";
import { updateUserSchema } from "@/lib/validations/user";

const emailInUse = (email: string) =>
  new AppError("conflict:user", { fieldErrors: { email: [msg("Errors.emailTaken", { email })] } });

/** Name, e-mail, role and branch. A new role or branch ends the user's open sessions. */
export const updateUserAction = createAction({
  name: "updateUser",
  roles: ["admin"],
  input: updateUserSchema,
  handler: async ({ userId, ...values }, ctx) => {
    const current = await findUserForAdmin({ db, id: userId });
    if (!current) throw new AppError("not_found:user");
    if (values.branchId && !(await findBranch({ db, id: values.branchId }))) {
      throw new AppError("invalid:user", {
        fieldErrors: { branchId: [msg("Errors.branchGone")] },
      });
    }
    if (await emailTaken({ db, email: values.email, exceptId: userId })) throw emailInUse(values.email);
    try {
      const saved = await db.transaction(async (tx) => {
        await assertAdminRemains({ db: tx, target: current, stillAdmin: values.role === "admin" });
        const before = await findUserForUpdate({ db: tx, id: userId });
        if (!before) throw new AppError("not_found:user");
        const endSessions = before.role !== values.role || before.branchId !== values.branchId;
        const after = await updateUser({ db: tx, id: userId, values, endSessions });
        if (!after) throw new AppError("not_found:user");
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            branchId: after.branchId ?? before.branchId,
            action: "user.update",
            entityType: "user",
            entityId: userId,
            before: userSnapshot(before),
            after: { ...userSnapshot(after), ...(endSessions ? { sessionsEnded: true } : {}) },
          }),
        });
        return after;
      });
      revalidatePath("/admin/users");
      revalidatePath(`/admin/users/${userId}`);
      return { userId: saved.id, email: saved.email };
    } catch (error) {
      if (isUniqueViolation(error)) throw emailInUse(values.email);
      throw error;
    }
  },
});
