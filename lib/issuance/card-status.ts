// What the teller reads for a card's status and for why a card is replaced, in English: the
// messages' Vocab, which the screens show in the user's language. Client components import them.
import en from "@/lib/i18n/messages/en/common.json";
import type { CustomerCardStatus } from "@/db/queries/customer-cards";
import type { ReplacementReason } from "@/lib/vocabulary";

export const CARD_STATUS_LABEL: Record<CustomerCardStatus, string> = en.Vocab.cardStatus;

export const REPLACEMENT_REASON_LABEL: Record<ReplacementReason, string> = en.Vocab.replacementReason;

/** A card as the teller names it: product and last four digits (when the card was produced). */
export function cardName(card: { productName: string; panLast4: string | null }): string {
  return card.panLast4 ? `${card.productName} •••• ${card.panLast4}` : card.productName;
}
