"use server";

import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { endOtherSessions } from "@/db/queries/sessions";
import { findUserByEmail, setPassword } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { sessionClaims } from "@/lib/auth/session";
import { ROLES } from "@/lib/vocabulary";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { changePasswordSchema } from "@/lib/validations/password";

/**
 * A user changes a password because someone else may know it (a temporary one, a stolen
 * cookie): every other session of theirs ends with the change, in the same transaction, and
 * only the one that made the change stays signed in.
 */
export const changePasswordAction = createAction({
  name: "changePassword",
  roles: ROLES,
  input: changePasswordSchema,
  withTemporaryPassword: true,
  handler: async (input, ctx) => {
    const { sessionId } = await sessionClaims();
    const row = await findUserByEmail({ db, email: ctx.user.email });
    if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new AppError("invalid:auth", {
        fieldErrors: { currentPassword: [msg("Validation.currentPasswordWrong")] },
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await setPassword({ db: tx, id: row.id, passwordHash, mustChange: false });
      const endedSessions = await endOtherSessions({
        db: tx,
        userId: row.id,
        keepId: sessionId,
        reason: "password_changed",
      });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: row.branchId,
          action: "user.change_password",
          entityType: "user",
          entityId: row.id,
          after: { otherSessionsEnded: endedSessions },
        }),
      });
    });
    return null;
  },
  redirectTo: () => "/",
});
