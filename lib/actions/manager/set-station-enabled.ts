"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { countOpenJobs, findStation, findStationForUpdate, setStationEnabled } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { setStationEnabledSchema } from "@/lib/validations/station";

const cards = (n: number) => (n === 1 ? "1 card is" : `${n} cards are`);

/**
 * Enables or disables a station of the manager's branch. Disabling one with cards in progress
 * is refused with `fieldErrors.confirm` (and the count) until the manager confirms; the default
 * station cannot be disabled, so tellers always have an enabled station to send cards to.
 */
export const setStationEnabledAction = createAction({
  name: "setStationEnabled",
  roles: ["manager"],
  input: setStationEnabledSchema,
  handler: async ({ stationId, enabled, confirm }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    const result = await db.transaction(async (tx) => {
      const station = await findStationForUpdate({ db: tx, id: stationId });
      if (!station) throw new AppError("not_found:station");
      if (station.enabled === enabled) return { stationId, enabled, openJobs: 0 };
      const openJobs = enabled ? 0 : await countOpenJobs({ db: tx, stationId });
      if (!enabled && station.isDefault) {
        throw new AppError("conflict:station", {
          message: `${station.label} is the branch's default station. Make another station the default first, then disable this one.`,
        });
      }
      if (!enabled && openJobs > 0 && !confirm) {
        const message = `${cards(openJobs)} still in progress at ${station.label}. Disabling it stops new cards only; those cards carry on. Choose “Disable anyway” to go ahead.`;
        throw new AppError("conflict:station", { message, fieldErrors: { confirm: [message] }, detail: { openJobs } });
      }
      await setStationEnabled({ db: tx, id: stationId, enabled });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: station.branchId,
          action: enabled ? "station.enable" : "station.disable",
          entityType: "station",
          entityId: station.id,
          before: { enabled: station.enabled },
          after: { enabled, ...(openJobs ? { openJobsAtDisable: openJobs } : {}) },
        }),
      });
      return { stationId, enabled, openJobs };
    });
    revalidatePath("/manager/stations");
    return result;
  },
});
