"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { branchCodeTaken, insertBranch } from "@/db/queries/branches";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { defaultStationPattern } from "@/lib/stations/pattern";
import { createBranchSchema } from "@/lib/validations/branch";

export const createBranchAction = createAction({
  name: "createBranch",
  roles: ["admin"],
  input: createBranchSchema,
  handler: async (input, ctx) => {
    if (await branchCodeTaken({ db, code: input.code })) {
      throw new AppError("conflict:branch", {
        fieldErrors: { code: [msg("Errors.branchCodeTaken", { code: input.code })] },
      });
    }
    const branch = await db.transaction(async (tx) => {
      // A new branch registers the ids that start with its code until the admin says otherwise.
      const values = { ...input, stationIdPattern: defaultStationPattern(input.code) };
      const row = await insertBranch({ db: tx, values });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId: row.id,
          action: "branch.create",
          entityType: "branch",
          entityId: row.id,
          after: {
            code: row.code,
            name: row.name,
            address: row.address,
            timezone: row.timezone,
            closesAt: row.closesAt,
            stationIdPattern: row.stationIdPattern,
          },
        }),
      });
      return row;
    });
    revalidatePath("/admin");
    revalidatePath("/admin/branches");
    return { id: branch.id, code: branch.code };
  },
});
