// What a product that already issued cards may no longer change: the BIN, PAN length and D1
// product id say what its past cards are, so changing them would rewrite history. A new product
// is the way to change them.

export const LOCKED_PRODUCT_FIELDS = ["d1CardProductId", "bin", "panLength"] as const;
export type LockedProductField = (typeof LOCKED_PRODUCT_FIELDS)[number];

const LABEL: Record<LockedProductField, string> = {
  d1CardProductId: "D1 product id",
  bin: "BIN",
  panLength: "PAN length",
};

export const LOCKED_NOTE =
  "Cards were issued with this product, so this is locked. A new product is the way to change it.";

/** Field errors for each locked field `input` would change; empty when none changes. */
export function lockedFieldErrors(
  current: Record<LockedProductField, string | number>,
  input: Partial<Record<LockedProductField, string | number>>,
): Partial<Record<LockedProductField, string[]>> {
  const errors: Partial<Record<LockedProductField, string[]>> = {};
  for (const f of LOCKED_PRODUCT_FIELDS) {
    if (input[f] !== undefined && String(input[f]) !== String(current[f])) {
      errors[f] = [
        `Cards were issued with this product: its ${LABEL[f]} stays ${current[f]}. Create a new product to use another.`,
      ];
    }
  }
  return errors;
}
