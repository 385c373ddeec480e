"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findBranch } from "@/db/queries/branches";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { emailTaken, insertUser } from "@/db/queries/users";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { userSnapshot } from "@/lib/snapshots";
import { temporaryPassword } from "@/lib/temporary-password";
import { createUserSchema } from "@/lib/validations/user";

const emailInUse = (email: string) =>
  new AppError("conflict:user", {
    fieldErrors: { email: [msg("Errors.emailHasAccount", { email })] },
  });

/** Creates a user with a temporary password, shown once to the admin; they choose their own at first sign-in. */
export const createUserAction = createAction({
  name: "createUser",
  roles: ["admin"],
  input: createUserSchema,
  handler: async (input, ctx) => {
    if (input.branchId && !(await findBranch({ db, id: input.branchId }))) {
      throw new AppError("invalid:user", {
        fieldErrors: { branchId: [msg("Errors.branchGone")] },
      });
    }
    if (await emailTaken({ db, email: input.email })) throw emailInUse(input.email);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    try {
      const user = await db.transaction(async (tx) => {
        const row = await insertUser({ db: tx, values: { ...input, passwordHash } });
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            branchId: row.branchId,
            action: "user.create",
            entityType: "user",
            entityId: row.id,
            after: userSnapshot(row),
          }),
        });
        return row;
      });
      revalidatePath("/admin/users");
      return { userId: user.id, email: user.email, temporaryPassword: password };
    } catch (error) {
      if (isUniqueViolation(error)) throw emailInUse(input.email);
      throw error;
    }
  },
});
