"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { findStation } from "@/db/queries/stations";
import { addTrainingFault } from "@/db/queries/training";
import { createAction } from "@/lib/actions/action";
import { AppError } from "@/lib/errors";
import { addTrainingFaultSchema } from "@/lib/validations/training";

/**
 * Injects a drill for the training simulator: the next training orders at the station (or at any
 * station) meet the fault. Stored in the database, so whichever instance submits the card applies
 * it. Not audited: it touches training work only (docs/training.md).
 */
export const addTrainingFaultAction = createAction({
  name: "addTrainingFault",
  roles: ["admin"],
  input: addTrainingFaultSchema,
  handler: async ({ stationId, kind, count, untilCleared }, ctx) => {
    if (stationId && !(await findStation({ db, id: stationId }))) throw new AppError("not_found:station");
    const fault = await addTrainingFault({
      db,
      stationId,
      kind,
      remaining: untilCleared ? null : (count ?? 1),
      createdBy: ctx.user.id,
    });
    revalidatePath("/admin/training");
    return { faultId: fault.id, kind };
  },
});
