"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { clearStationProblem, findStation } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { stationIdSchema } from "@/lib/validations/station";

/**
 * The manager marks a station's problem solved (the jam cleared, blank cards loaded): it is no
 * longer "likely unavailable" in the tellers' pickers. The default station cannot be disabled and
 * enabled again, so this is how its mark is cleared without sending a customer's card to it.
 */
export const clearStationProblemAction = createAction({
  name: "clearStationProblem",
  roles: ["manager"],
  input: stationIdSchema,
  handler: async ({ stationId }, ctx) => {
    const station = await findStation({ db, id: stationId });
    if (!station) throw new AppError("not_found:station");
    ctx.assertBranch(station.branchId);
    const cleared = await db.transaction(async (tx) => {
      const row = await clearStationProblem({ db: tx, id: station.id });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: "station.problem_cleared",
          entityType: "station",
          entityId: station.id,
          before: { clearedAt: station.clearedAt?.toISOString() ?? null },
          after: { clearedAt: row?.clearedAt?.toISOString() ?? null },
        }),
      });
      return row;
    });
    revalidatePath("/manager/stations");
    return { stationId: station.id, clearedAt: cleared?.clearedAt?.toISOString() ?? null };
  },
});
