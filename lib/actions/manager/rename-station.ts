"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStation, findStationForUpdate, renameStation } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { renameStationSchema } from "@/lib/validations/station";

/** Changes a station's label and location (what tellers see); its D1 id stays. Audited. */
export const renameStationAction = createAction({
  name: "renameStation",
  roles: ["manager", "admin"],
  input: renameStationSchema,
  handler: async ({ stationId, label, location }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    const saved = await db.transaction(async (tx) => {
      const before = await findStationForUpdate({ db: tx, id: stationId });
      if (!before) throw new AppError("not_found:station");
      const row = await renameStation({ db: tx, id: stationId, values: { label, location } });
      if (!row) throw new AppError("not_found:station");
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: before.branchId,
          action: "station.rename",
          entityType: "station",
          entityId: before.id,
          before: { label: before.label, location: before.location },
          after: { label: row.label, location: row.location },
        }),
      });
      return row;
    });
    revalidatePath("/manager/stations");
    return { stationId: saved.id, label: saved.label };
  },
});
