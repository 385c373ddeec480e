// Checks shared by creating and editing a product that need the database or the file's bytes:
// the branches exist, the D1 id is free, the card face is a real PNG/JPEG/WebP of fitting size.
import "server-only";
import { db } from "@/db";
import { d1ProductIdTaken, existingBranchIds } from "@/db/queries/products";
import { findStockType } from "@/db/queries/stock-types";
import { checkCardFace, type CheckedCardFace } from "@/lib/card-face";
import { AppError, type FieldErrors } from "@/lib/errors";
import { toProductValues, type ProductInput } from "@/lib/validations/product";

export async function checkProductInput(input: ProductInput & { faceImage?: Blob }, exceptId?: string) {
  const fieldErrors: FieldErrors = {};
  const found = await existingBranchIds({ db, ids: input.branchIds });
  if (found.length !== new Set(input.branchIds).size)
    fieldErrors.branchIds = ["A chosen branch no longer exists. Reload the page and choose again."];
  if (await d1ProductIdTaken({ db, d1CardProductId: input.d1CardProductId, exceptId })) {
    fieldErrors.d1CardProductId = [
      `Another product already uses ${input.d1CardProductId}. Each D1 card product is set up once.`,
    ];
  }
  if (input.stockTypeId && !(await findStockType({ db, id: input.stockTypeId }))?.active) {
    fieldErrors.stockTypeId = ["This card stock is no longer in use. Choose another one."];
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
