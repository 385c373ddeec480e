// The reports' words for closed vocabularies: why a card was spoiled, and what became of a
// failed request (lib/issuance/outcome.ts words one request; these name the groups).
import type { ExceptionHandling } from "@/db/queries/reports";
import { SPOIL_REASONS, type SpoilReason } from "@/lib/vocabulary";

export const SPOIL_REASON_WORDS: Record<SpoilReason, string> = {
  production_exception: "Production problem (jam or other exception)",
  misprint: "Misprint reported by the teller",
  not_handed_over: "Produced, never handed over",
  damaged: "Damaged",
};

export function spoilReasonWords(reason: string | null): string {
  const known = SPOIL_REASONS.find((r) => r === reason);
  return known ? SPOIL_REASON_WORDS[known] : "No reason recorded";
}

export const HANDLING_WORDS: Record<ExceptionHandling, string> = {
  needs_action: "Needs action",
  retried: "Retried",
  moved: "Moved to another station",
  canceled: "Canceled",
};
