"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { setUserTraining } from "@/db/queries/training";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { setUserTrainingSchema } from "@/lib/validations/training";

/**
 * Puts a user in training or takes them out (docs/training.md). It takes effect on their next
 * request (the session re-reads the user); their open training requests stay training requests.
 */
export const setUserTrainingAction = createAction({
  name: "setUserTraining",
  roles: ["admin"],
  input: setUserTrainingSchema,
  handler: async ({ userId, training }, ctx) => {
    const result = await db.transaction(async (tx) => {
      const before = await setUserTraining({ db: tx, id: userId, training });
      if (!before) throw new AppError("not_found:user");
      if (before.training !== training) {
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            action: training ? "user.training_on" : "user.training_off",
            entityType: "user",
            entityId: userId,
            before: { training: before.training },
            after: { training, email: before.email },
          }),
        });
      }
      return { userId, training };
    });
    revalidatePath("/admin/training");
    revalidatePath(`/admin/users/${userId}`);
    return result;
  },
});
