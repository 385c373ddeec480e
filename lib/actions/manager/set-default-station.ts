"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStation, setDefaultStation } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { stationIdSchema } from "@/lib/validations/station";

export const setDefaultStationAction = createAction({
  name: "setDefaultStation",
  roles: ["manager"],
  input: stationIdSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ stationId }, ctx) => {
    const station = await findStation({ db, id: stationId });
    if (!station) throw new AppError("not_found:station");
    ctx.assertBranch(station.branchId);
    if (!station.enabled) {
      throw new AppError("conflict:station", { message: msg("Errors.defaultNeedsEnabled") });
    }
    await db.transaction(async (tx) => {
      await setDefaultStation({ db: tx, id: station.id, branchId: station.branchId });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: "station.set_default",
          entityType: "station",
          entityId: station.id,
          before: { isDefault: station.isDefault },
          after: { isDefault: true },
        }),
      });
    });
    revalidatePath("/manager");
    return { stationId: station.id };
  },
});
