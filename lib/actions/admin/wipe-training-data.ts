"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { wipeTrainingData } from "@/db/queries/training";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { wipeTrainingDataSchema } from "@/lib/validations/training";

/**
 * Deletes every training request with its events and queued submission (docs/training.md). The
 * admin typed the confirmation word; the audit entry keeps who wiped and how much.
 */
export const wipeTrainingDataAction = createAction({
  name: "wipeTrainingData",
  roles: ["admin"],
  input: wipeTrainingDataSchema,
  handler: async (_input, ctx) => {
    const counts = await db.transaction(async (tx) => {
      const wiped = await wipeTrainingData({ db: tx });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, { action: "training.wipe", entityType: "training", entityId: null, after: wiped }),
      });
      return wiped;
    });
    revalidatePath("/admin/training");
    return counts;
  },
});
