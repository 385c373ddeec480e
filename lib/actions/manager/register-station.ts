"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { insertStation, persoStationTaken } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { registerStationSchema } from "@/lib/validations/station";

/** Registers a personalization station in the manager's own branch, enabled and not default. */
export const registerStationAction = createAction({
  name: "registerStation",
  roles: ["manager"],
  input: registerStationSchema,
  handler: async (input, ctx) => {
    const branchId = ctx.user.branchId;
    ctx.assertBranch(branchId);
    if (!branchId) throw new AppError("forbidden:branch");
    const taken = () =>
      new AppError("conflict:station", {
        fieldErrors: {
          persoStation: [
            `Station ${input.persoStation} is already registered. Check the id D1 gave you for this station.`,
          ],
        },
      });
    if (await persoStationTaken({ db, persoStation: input.persoStation })) throw taken();
    try {
      const station = await db.transaction(async (tx) => {
        const row = await insertStation({ db: tx, values: { ...input, branchId } });
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            branchId,
            action: "station.register",
            entityType: "station",
            entityId: row.id,
            after: { persoStation: row.persoStation, label: row.label, location: row.location, enabled: row.enabled },
          }),
        });
        return row;
      });
      revalidatePath("/manager/stations");
      return { stationId: station.id, persoStation: station.persoStation };
    } catch (error) {
      // Two managers registering the same id at once: the unique index decides.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  },
});
