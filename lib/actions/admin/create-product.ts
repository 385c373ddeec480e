"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { insertAudit } from "@/db/queries/audit";
import { findProduct, insertProduct, setProductBranches, updateProduct, upsertCardFace } from "@/db/queries/products";
import { createAction } from "@/lib/actions/action";
import { byActor } from "@/lib/audit";
import { cardFaceUrl } from "@/lib/card-face";
import { checkProductInput, productConflict } from "@/lib/product-input";
import { productSnapshot } from "@/lib/snapshots";
import { createProductSchema } from "@/lib/validations/product";

export const createProductAction = createAction({
  name: "createProduct",
  roles: ["admin"],
  input: createProductSchema,
  handler: async (input, ctx) => {
    const { values, branchIds, image } = await checkProductInput(input);
    try {
      const product = await db.transaction(async (tx) => {
        const row = await insertProduct({ db: tx, values });
        await setProductBranches({ db: tx, productId: row.id, branchIds });
        if (image) {
          await upsertCardFace({ db: tx, productId: row.id, image });
          await updateProduct({ db: tx, id: row.id, values: { cardFaceImage: cardFaceUrl(row.id, image.sha256) } });
        }
        const saved = await findProduct({ db: tx, id: row.id });
        if (!saved) throw new Error("product vanished inside its own transaction");
        await insertAudit({
          db: tx,
          entry: byActor(ctx, {
            action: "product.create",
            entityType: "card_product",
            entityId: row.id,
            after: {
              ...productSnapshot(saved),
              ...(image ? { faceImageSha256: image.sha256, faceImageType: image.contentType } : {}),
            },
          }),
        });
        return saved;
      });
      revalidatePath("/admin/products");
      return { productId: product.id, name: product.name };
    } catch (error) {
      throw productConflict(error, input.d1CardProductId) ?? error;
    }
  },
  // Straight to the new product's page: a form that resets in place invites a duplicate (UX walk A8).
  redirectTo: (data: { productId: string }) => `/admin/products/${data.productId}?created=1`,
});
