"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findUserForAdmin, findUserForUpdate, updateUser } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { temporaryPassword } from "@/lib/temporary-password";
import { userIdSchema } from "@/lib/validations/user";

/**
 * Sets a temporary password, returned once for the admin to hand over; the user must choose a
 * new one at the next sign-in, and every open session of theirs ends now.
 */
export const resetUserPasswordAction = createAction({
  name: "resetUserPassword",
  roles: ["admin"],
  input: userIdSchema,
  handler: async ({ userId }, ctx) => {
    if (!(await findUserForAdmin({ db, id: userId }))) throw new AppError("not_found:user");
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await db.transaction(async (tx) => {
      const row = await findUserForUpdate({ db: tx, id: userId });
      if (!row) throw new AppError("not_found:user");
      await updateUser({ db: tx, id: userId, values: { passwordHash, mustChangePassword: true }, endSessions: true });
      await insertAudit({
        db: tx,
        // The password itself is never logged, only that it was reset.
        entry: byActor(ctx, {
          branchId: row.branchId,
          action: "user.reset_password",
          entityType: "user",
          entityId: userId,
          after: { mustChangePassword: true },
        }),
      });
      return row;
    });
    revalidatePath(`/admin/users/${userId}`);
    return { userId, email: user.email, temporaryPassword: password };
  },
});
