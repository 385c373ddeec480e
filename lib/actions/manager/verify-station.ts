"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { countStationTests, findStation, findStationForUpdate, markStationVerified } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { isFinal } from "@/lib/issuance/states";
import { verifyStationSchema } from "@/lib/validations/station";

/**
 * The manager (or an admin setting up a branch) confirms that a test card came out of a newly
 * registered station; only then can it be enabled. Audited with who confirmed it.
 */
export const verifyStationAction = createAction({
  name: "verifyStation",
  roles: ["manager", "admin"],
  input: verifyStationSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ stationId }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    const verified = await db.transaction(async (tx) => {
      const station = await findStationForUpdate({ db: tx, id: stationId });
      if (!station) throw new AppError("not_found:station");
      if (station.verifiedAt) return station;
      // A test card sent through D1 is on its way: confirming by hand now would leave it held at a
      // verified, disabled station for good. Its own end verifies the station (or fails in words).
      const { latestState } = await countStationTests({ db: tx, stationId });
      if (latestState !== null && !isFinal(latestState)) {
        throw new AppError("conflict:station", {
          message: msg("Errors.testCardOnItsWayThroughD1", { station: station.label }),
        });
      }
      const row = await markStationVerified({ db: tx, id: stationId });
      if (!row) throw new AppError("not_found:station");
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: "station.verify",
          entityType: "station",
          entityId: station.id,
          before: { verifiedAt: null },
          after: { verifiedAt: row.verifiedAt?.toISOString() ?? null, how: "test card confirmed by hand" },
        }),
      });
      return row;
    });
    revalidatePath("/manager/stations");
    return { stationId: verified.id };
  },
});
