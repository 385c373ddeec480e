"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStationForUpdate } from "@/db/queries/stations";
import { setLowStockThreshold } from "@/db/queries/stock";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { setLowStockThresholdSchema } from "@/lib/validations/stock";

/** Below this many blank cards the teller is warned before sending a card to the station. */
export const setLowStockThresholdAction = createAction({
  name: "setLowStockThreshold",
  roles: ["manager"],
  input: setLowStockThresholdSchema,
  handler: async ({ stationId, threshold }, ctx) => {
    await db.transaction(async (tx) => {
      const station = await findStationForUpdate({ db: tx, id: stationId });
      if (!station) throw new AppError("not_found:station");
      ctx.assertBranch(station.branchId);
      if (station.lowStockThreshold === threshold) return;
      await setLowStockThreshold({ db: tx, stationId, threshold });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: "station.low_stock_threshold",
          entityType: "station",
          entityId: stationId,
          before: { lowStockThreshold: station.lowStockThreshold },
          after: { lowStockThreshold: threshold },
        }),
      });
    });
    revalidatePath("/manager/stations");
    return { stationId, threshold };
  },
});
