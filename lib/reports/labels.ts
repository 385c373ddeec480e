// The reports' words for closed vocabularies: why a card was spoiled (the stock ledger's words,
// lib/stock/labels.ts, so a reason reads the same on both pages), and what became of a failed
// request (lib/issuance/outcome.ts words one request; these name the groups).
import type { ExceptionHandling } from "@/db/queries/reports";
import en from "@/lib/i18n/messages/en/manager.json";
import { SPOIL_REASON_LABEL } from "@/lib/stock/labels";
import { SPOIL_REASONS } from "@/lib/vocabulary";

export function spoilReasonWords(reason: string | null): string {
  const known = SPOIL_REASONS.find((r) => r === reason);
  return known ? SPOIL_REASON_LABEL[known] : en.Reports.noReason;
}

/** In English (the CSV): the messages' Reports.handling, which the reports page shows in the user's language. */
export const HANDLING_WORDS: Record<ExceptionHandling, string> = en.Reports.handling;
