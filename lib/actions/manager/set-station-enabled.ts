"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { listWaitingJobs } from "@/db/queries/job-cancel";
import { enqueueWaitingAtStation } from "@/db/queries/jobs";
import { countOpenJobs, findStation, findStationForUpdate, setStationEnabled } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { setStationEnabledSchema } from "@/lib/validations/station";

/**
 * Enables or disables a station of the manager's branch. Disabling one with cards in progress
 * is refused with `fieldErrors.confirm` (and the count) until the manager confirms; the default
 * station cannot be disabled, so tellers always have an enabled station to send cards to.
 */
export const setStationEnabledAction = createAction({
  name: "setStationEnabled",
  roles: ["manager"],
  input: setStationEnabledSchema,
  // A station's setup is real work on a real station, never a trainee's (docs/training.md).
  realWorkOnly: true,
  handler: async ({ stationId, enabled, confirm }, ctx) => {
    const found = await findStation({ db, id: stationId });
    if (!found) throw new AppError("not_found:station");
    ctx.assertBranch(found.branchId);
    const result = await db.transaction(async (tx) => {
      const station = await findStationForUpdate({ db: tx, id: stationId });
      if (!station) throw new AppError("not_found:station");
      if (station.enabled === enabled) return { stationId, enabled, openJobs: 0 };
      // A station never proven by a test card may be a mistyped id: no customer's card goes there.
      if (enabled && !station.verifiedAt) {
        throw new AppError("conflict:station", {
          message: msg("Errors.enableNeedsTestCard", { station: station.label }),
        });
      }
      const openJobs = enabled ? 0 : await countOpenJobs({ db: tx, stationId, training: ctx.user.training });
      if (!enabled && station.isDefault) {
        throw new AppError("conflict:station", {
          message: msg("Errors.disableDefaultStation", { station: station.label }),
        });
      }
      if (!enabled && openJobs > 0 && !confirm) {
        const message = msg("Errors.cardsWaitingAtStation", { count: openJobs, station: station.label });
        // The requests themselves, so the manager sees whose cards these are before choosing.
        const waiting = (await listWaitingJobs({ db: tx, stationId, training: ctx.user.training })).map((j) =>
          msg("Errors.waitingRequest", {
            customer: j.customerName,
            product: j.productName,
            state: msg(`Vocab.jobState.${j.state}`),
          }),
        );
        throw new AppError("conflict:station", {
          message,
          fieldErrors: { confirm: [message], waiting },
          detail: { openJobs },
        });
      }
      await setStationEnabled({ db: tx, id: stationId, enabled });
      // Requests held while it was disabled go out now, not at their next check.
      if (enabled) await enqueueWaitingAtStation({ db: tx, stationId });
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
