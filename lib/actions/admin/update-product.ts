"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import {
  deleteCardFace,
  findProduct,
  findProductForUpdate,
  productHasJobs,
  setProductBranches,
  updateProduct,
  upsertCardFace,
} from "@/db/queries/products";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { cardFaceUrl } from "@/lib/card-face";
import { AppError } from "@/lib/errors";
import { checkProductInput, productConflict } from "@/lib/product-input";
import { lockedFieldErrors } from "@/lib/product-locks";
import { productSnapshot } from "@/lib/snapshots";
import { updateProductSchema } from "@/lib/validations/product";

/** Edits a product. Jobs already created keep what they were ordered with (D1 has the order). */
export const updateProductAction = createAction({
  name: "updateProduct",
  roles: ["admin"],
  input: updateProductSchema,
  handler: async (input, ctx) => {
    const current = await findProduct({ db, id: input.productId });
    if (!current) throw new AppError("not_found:product");
    const { values, branchIds, image } = await checkProductInput(input, current);
    try {
      const saved = await db.transaction(async (tx) => {
        const before = await findProductForUpdate({ db: tx, id: input.productId });
        if (!before) throw new AppError("not_found:product");
        // Checked under the row lock, so a card issued meanwhile cannot slip past it.
        if (await productHasJobs({ db: tx, productId: before.id })) {
          const locked = lockedFieldErrors(before, values);
          if (Object.keys(locked).length > 0) throw new AppError("conflict:product", { fieldErrors: locked });
        }
        let cardFaceImage = before.cardFaceImage;
        if (image) {
          await upsertCardFace({ db: tx, productId: before.id, image });
          cardFaceImage = cardFaceUrl(before.id, image.sha256);
        } else if (input.removeFaceImage) {
          await deleteCardFace({ db: tx, productId: before.id });
          cardFaceImage = null;
        }
        await updateProduct({ db: tx, id: before.id, values: { ...values, cardFaceImage } });
        await setProductBranches({ db: tx, productId: before.id, branchIds });
        const after = await findProduct({ db: tx, id: before.id });
        if (!after) throw new Error("product vanished inside its own transaction");
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            action: "product.update",
            entityType: "card_product",
            entityId: before.id,
            before: productSnapshot(before),
            after: {
              ...productSnapshot(after),
              ...(image ? { faceImageSha256: image.sha256, faceImageType: image.contentType } : {}),
            },
          }),
        });
        return after;
      });
      revalidatePath("/admin/products");
      revalidatePath(`/admin/products/${saved.id}`);
      return { productId: saved.id, name: saved.name };
    } catch (error) {
      throw productConflict(error, input.d1CardProductId) ?? error;
    }
  },
});
