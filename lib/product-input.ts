// Checks shared by creating and editing a product that need the database or the file's bytes:
// the branches exist, the D1 id is free, the card face is a real PNG/JPEG/WebP of fitting size.
import "server-only";
import { db } from "@/db";
import { isUniqueViolation, pgConstraint } from "@/db/queries/pg-error";
import { d1ProductIdTaken, existingBranchIds } from "@/db/queries/products";
import { findStockType } from "@/db/queries/stock-types";
import { checkCardFace, type CheckedCardFace } from "@/lib/card-face";
import { AppError, type FieldMessages } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { toProductValues, type ProductInput } from "@/lib/validations/product";

/**
 * `current` is the product being edited: its own stock type may have been deactivated since, and
 * saving the form without touching it keeps it (a new choice must be an active one).
 */
export async function checkProductInput(
  input: ProductInput & { faceImage?: Blob },
  current?: { id: string; stockTypeId: string | null },
) {
  const exceptId = current?.id;
  const fieldErrors: FieldMessages = {};
  const found = await existingBranchIds({ db, ids: input.branchIds });
  if (found.length !== new Set(input.branchIds).size) fieldErrors.branchIds = [msg("Validation.branchesGone")];
  if (await d1ProductIdTaken({ db, d1CardProductId: input.d1CardProductId, exceptId })) {
    fieldErrors.d1CardProductId = [msg("Validation.d1ProductIdTaken", { id: input.d1CardProductId })];
  }
  const kept = input.stockTypeId !== undefined && input.stockTypeId === current?.stockTypeId;
  if (input.stockTypeId && !kept && !(await findStockType({ db, id: input.stockTypeId }))?.active) {
    fieldErrors.stockTypeId = [msg("Validation.stockTypeRetired")];
  }
  let image: CheckedCardFace | undefined;
  if (input.faceImage) {
    const checked = await checkCardFace(input.faceImage);
    if (checked.ok) image = checked.image;
    else fieldErrors.faceImage = [checked.message];
  }
  if (Object.keys(fieldErrors).length) throw new AppError("invalid:product", { fieldErrors });
  return { values: toProductValues(input), branchIds: [...new Set(input.branchIds)], image };
}

/** The error a product save gets when it breaks a unique rule: the D1 id, or a second test product. */
export function productConflict(error: unknown, d1CardProductId: string): AppError | null {
  if (!isUniqueViolation(error)) return null;
  if (pgConstraint(error) === "card_products_one_active_test") {
    return new AppError("conflict:product", {
      fieldErrors: {
        isTestProduct: [msg("Validation.testProductTaken")],
      },
    });
  }
  return new AppError("conflict:product", {
    fieldErrors: { d1CardProductId: [msg("Validation.d1ProductIdUsed", { id: d1CardProductId })] },
  });
}
