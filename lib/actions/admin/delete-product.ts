"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { isForeignKeyViolation } from "@/db/queries/pg-error";
import { deleteProduct, findProductForUpdate, productHasJobs } from "@/db/queries/products";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { productSnapshot } from "@/lib/snapshots";
import { productIdSchema } from "@/lib/validations/product";

const inUse = () =>
  new AppError("conflict:product", {
    message: msg("Errors.productInUse"),
  });

/** Deletes a product that never issued a card (a mistake, say); anything else is retired. */
export const deleteProductAction = createAction({
  name: "deleteProduct",
  roles: ["admin"],
  input: productIdSchema,
  handler: async ({ productId }, ctx) => {
    try {
      const deleted = await db.transaction(async (tx) => {
        const product = await findProductForUpdate({ db: tx, id: productId });
        if (!product) throw new AppError("not_found:product");
        if (await productHasJobs({ db: tx, productId })) throw inUse();
        await deleteProduct({ db: tx, id: productId });
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            action: "product.delete",
            entityType: "card_product",
            entityId: productId,
            before: productSnapshot(product),
          }),
        });
        return { productId, name: product.name };
      });
      revalidatePath("/admin/products");
      return deleted;
    } catch (error) {
      // A teller's job for this product committed between the check and the delete.
      if (isForeignKeyViolation(error)) throw inUse();
      throw error;
    }
  },
});
