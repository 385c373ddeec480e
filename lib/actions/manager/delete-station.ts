"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { deleteStation, findStation, findStationForUpdate, stationEverUsed } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { stationIdSchema } from "@/lib/validations/station";

/**
 * Deletes a station that never sent a real card nor held stock, e.g. one registered with a mistyped
 * id; training requests sent to it are deleted with it (docs/training.md). A station with history is kept for the record (disable it instead). The audit entry keeps
 * what the station was.
 */
export const deleteStationAction = createAction({
  name: "deleteStation",
  roles: ["manager", "admin"],
  input: stationIdSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ stationId }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    const deleted = await db.transaction(async (tx) => {
      const station = await findStationForUpdate({ db: tx, id: stationId });
      if (!station) throw new AppError("not_found:station");
      if (station.isDefault) {
        throw new AppError("conflict:station", {
          message: msg("Errors.deleteDefaultStation", { station: station.label }),
        });
      }
      if (await stationEverUsed({ db: tx, id: stationId })) {
        throw new AppError("conflict:station", {
          message: msg("Errors.stationInUse", { station: station.label }),
        });
      }
      // Its training requests (never real work) go with it, counted in the audit entry.
      const { trainingJobs } = await deleteStation({ db: tx, id: stationId });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: "station.delete",
          entityType: "station",
          entityId: station.id,
          before: {
            persoStation: station.persoStation,
            label: station.label,
            location: station.location,
            enabled: station.enabled,
          },
          ...(trainingJobs ? { after: { trainingJobsDeleted: trainingJobs } } : {}),
        }),
      });
      return station;
    });
    revalidatePath("/manager/stations");
    return { stationId: deleted.id, persoStation: deleted.persoStation };
  },
});
