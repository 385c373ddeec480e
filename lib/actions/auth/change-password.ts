"use server";

import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findUserByEmail, setPassword } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ROLES } from "@/lib/vocabulary";
import { AppError } from "@/lib/errors";
import { changePasswordSchema } from "@/lib/validations/password";

export const changePasswordAction = createAction({
  name: "changePassword",
  roles: ROLES,
  input: changePasswordSchema,
  handler: async (input, ctx) => {
    const row = await findUserByEmail({ db, email: ctx.user.email });
    if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new AppError("invalid:auth", {
        fieldErrors: { currentPassword: ["The current password is not correct."] },
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await setPassword({ db: tx, id: row.id, passwordHash, mustChange: false });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: row.branchId,
          action: "user.change_password",
          entityType: "user",
          entityId: row.id,
        }),
      });
    });
    return null;
  },
  redirectTo: () => "/",
});
