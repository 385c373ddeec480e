"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findBranchForUpdate, updateBranch } from "@/db/queries/branches";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { updateBranchSchema } from "@/lib/validations/branch";

export const updateBranchAction = createAction({
  name: "updateBranch",
  roles: ["admin"],
  input: updateBranchSchema,
  handler: async ({ branchId, ...values }, ctx) => {
    const branch = await db.transaction(async (tx) => {
      const before = await findBranchForUpdate({ db: tx, id: branchId });
      if (!before) throw new AppError("not_found:branch");
      const row = await updateBranch({ db: tx, id: branchId, values });
      if (!row) throw new AppError("not_found:branch");
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          branchId,
          action: "branch.update",
          entityType: "branch",
          entityId: branchId,
          before: {
            name: before.name,
            address: before.address,
            timezone: before.timezone,
            closesAt: before.closesAt,
            stationIdPattern: before.stationIdPattern,
          },
          after: {
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
    revalidatePath("/admin/branches");
    return { branchId: branch.id, code: branch.code, stationIdPattern: branch.stationIdPattern };
  },
});
