// What the teller reads for each reason a card is issued (the reasons are in lib/vocabulary.ts).
// Plain constants: client components import them.
import type { IssuanceReason } from "@/lib/vocabulary";

export const REASON_LABEL: Record<IssuanceReason, string> = {
  CREATION: "New card",
  REPLACEMENT: "Replacement (lost, stolen or damaged)",
  RENEWAL: "Renewal (card expiring)",
};
