"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { isUniqueViolation } from "@/db/queries/pg-error";
import { findProductForUpdate, updateProduct } from "@/db/queries/products";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { setProductActiveSchema } from "@/lib/validations/product";

/**
 * Retires a product (tellers no longer see it; cards already ordered carry on and its history
 * stays) or offers it again.
 */
export const setProductActiveAction = createAction({
  name: "setProductActive",
  roles: ["admin"],
  input: setProductActiveSchema,
  handler: async ({ productId, active }, ctx) => {
    const result = await db
      .transaction(async (tx) => {
        const product = await findProductForUpdate({ db: tx, id: productId });
        if (!product) throw new AppError("not_found:product");
        if (product.active !== active) {
          await updateProduct({ db: tx, id: productId, values: { active } });
          await insertAudit({
            db: tx,
            entry: byActor(ctx, {
              action: active ? "product.reinstate" : "product.retire",
              entityType: "card_product",
              entityId: productId,
              before: { active: product.active },
              after: { active },
            }),
          });
        }
        return { productId, name: product.name, active };
      })
      .catch((error: unknown) => {
        // Offering a retired test product again while another is the active one.
        if (isUniqueViolation(error)) {
          throw new AppError("conflict:product", {
            message: msg("Errors.testProductTaken"),
          });
        }
        throw error;
      });
    revalidatePath("/admin/products");
    revalidatePath(`/admin/products/${productId}`);
    return result;
  },
});
