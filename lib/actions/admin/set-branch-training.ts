"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { setBranchTraining } from "@/db/queries/training";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { setBranchTrainingSchema } from "@/lib/validations/training";

/** Puts a whole branch in training (a training branch, docs/training.md) or takes it out. */
export const setBranchTrainingAction = createAction({
  name: "setBranchTraining",
  roles: ["admin"],
  input: setBranchTrainingSchema,
  handler: async ({ branchId, training }, ctx) => {
    const result = await db.transaction(async (tx) => {
      const before = await setBranchTraining({ db: tx, id: branchId, training });
      if (!before) throw new AppError("not_found:branch");
      if (before.training !== training) {
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            branchId,
            action: training ? "branch.training_on" : "branch.training_off",
            entityType: "branch",
            entityId: branchId,
            before: { training: before.training },
            after: { training, code: before.code },
          }),
        });
      }
      return { branchId, training };
    });
    revalidatePath("/admin/training");
    revalidatePath(`/admin/branches/${branchId}`);
    return result;
  },
});
