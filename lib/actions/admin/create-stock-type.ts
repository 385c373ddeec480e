"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { insertStockType } from "@/db/queries/stock-types";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { createStockTypeSchema } from "@/lib/validations/stock";

/** A new blank card plastic the branches keep in stock (its code cannot be reused). */
export const createStockTypeAction = createAction({
  name: "createStockType",
  roles: ["admin"],
  input: createStockTypeSchema,
  handler: async ({ code, name }, ctx) => {
    const created = await db.transaction(async (tx) => {
      const row = await insertStockType({ db: tx, code: code.toUpperCase(), name });
      if (!row) {
        const message = msg("Errors.stockTypeCodeTaken");
        throw new AppError("conflict:stock", { message, fieldErrors: { code: [message] } });
      }
      await insertAudit({
        db: tx,
        entry: byActor(ctx, {
          action: "stock_type.create",
          entityType: "stock_type",
          entityId: row.id,
          after: { code: row.code, name: row.name },
        }),
      });
      return row;
    });
    revalidatePath("/admin/stock-types");
    return { stockTypeId: created.id, name: created.name };
  },
});
