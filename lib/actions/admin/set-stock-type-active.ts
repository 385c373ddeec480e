"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findStockTypeForUpdate, updateStockType } from "@/db/queries/stock-types";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { setStockTypeActiveSchema } from "@/lib/validations/stock";

/**
 * Deactivates a stock type (no more shipments or loads of it, products no longer choose it) or
 * activates it again. Its ledger and balances stay, and spoiled cards of it can still be destroyed.
 */
export const setStockTypeActiveAction = createAction({
  name: "setStockTypeActive",
  roles: ["admin"],
  input: setStockTypeActiveSchema,
  handler: async ({ stockTypeId, active }, ctx) => {
    const name = await db.transaction(async (tx) => {
      const type = await findStockTypeForUpdate({ db: tx, id: stockTypeId });
      if (!type) throw new AppError("not_found:stock");
      if (type.active === active) return type.name;
      await updateStockType({ db: tx, id: stockTypeId, values: { active } });
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          action: active ? "stock_type.activate" : "stock_type.deactivate",
          entityType: "stock_type",
          entityId: stockTypeId,
          before: { active: type.active },
          after: { active },
        }),
      });
      return type.name;
    });
    revalidatePath("/admin/stock-types");
    return { stockTypeId, name, active };
  },
});
