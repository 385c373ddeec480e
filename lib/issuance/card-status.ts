// What the teller reads for a card's status and for why a card is replaced. Plain constants:
// client components import them.
import type { CustomerCardStatus } from "@/db/queries/customer-cards";
import type { ReplacementReason } from "@/lib/vocabulary";

export const CARD_STATUS_LABEL: Record<CustomerCardStatus, string> = {
  inactive: "Inactive",
  active: "Active",
  blocked: "Blocked",
  replaced: "Replaced",
  expired: "Expired",
};

export const REPLACEMENT_REASON_LABEL: Record<ReplacementReason, string> = {
  lost: "Lost",
  stolen: "Stolen",
  damaged: "Damaged",
  expiring: "Expiring",
};

/** A card as the teller names it: product and last four digits (when the card was produced). */
export function cardName(card: { productName: string; panLast4: string | null }): string {
  return card.panLast4 ? `${card.productName} •••• ${card.panLast4}` : card.productName;
}
