// What a product that already issued cards may no longer change: the BIN, PAN length and D1
// product id say what its past cards are, so changing them would rewrite history. A new product
// is the way to change them.
import { msg, type Message } from "@/lib/i18n/message";

export const LOCKED_PRODUCT_FIELDS = ["d1CardProductId", "bin", "panLength"] as const;
export type LockedProductField = (typeof LOCKED_PRODUCT_FIELDS)[number];

export const LOCKED_NOTE =
  "Cards were issued with this product, so this is locked. A new product is the way to change it.";

/** Field errors for each locked field `input` would change; empty when none changes. */
export function lockedFieldErrors(
  current: Record<LockedProductField, string | number>,
  input: Partial<Record<LockedProductField, string | number>>,
): Partial<Record<LockedProductField, Message[]>> {
  const errors: Partial<Record<LockedProductField, Message[]>> = {};
  for (const f of LOCKED_PRODUCT_FIELDS) {
    if (input[f] !== undefined && String(input[f]) !== String(current[f])) {
      errors[f] = [msg(`Validation.locked.${f}`, { value: current[f] })];
    }
  }
  return errors;
}
