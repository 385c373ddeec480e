"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStockTypeForUpdate, updateStockType } from "@/db/queries/stock-types";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { renameStockTypeSchema } from "@/lib/validations/stock";

/** Renames a stock type; its code and its ledger stay (the ledger names it by id). */
export const renameStockTypeAction = createAction({
  name: "renameStockType",
  roles: ["admin"],
  input: renameStockTypeSchema,
  handler: async ({ stockTypeId, name }, ctx) => {
    await db.transaction(async (tx) => {
      const type = await findStockTypeForUpdate({ db: tx, id: stockTypeId });
      if (!type) throw new AppError("not_found:stock");
      if (type.name === name) return;
      await updateStockType({ db: tx, id: stockTypeId, values: { name } });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          action: "stock_type.rename",
          entityType: "stock_type",
          entityId: stockTypeId,
          before: { name: type.name },
          after: { name },
        }),
      });
    });
    revalidatePath("/admin/stock-types");
    return { stockTypeId, name };
  },
});
