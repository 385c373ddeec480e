// Why a customer may not have a product, in English, for the server's refusal (issue-checks.ts):
// the same messages (Eligibility.*) the counter page renders in the user's language.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en/teller.json";
import { ineligibilityReason, ineligibilityText, type EligibilityFacts, type EligibilityRules } from "./eligibility";

const english = createTranslator({ locale: "en", messages: { Eligibility: en.Eligibility }, namespace: "Eligibility" });

/** Null: eligible. */
export function ineligibility(product: EligibilityRules, customer: EligibilityFacts, today: string): string | null {
  const reason = ineligibilityReason(product, customer, today);
  return reason ? ineligibilityText(reason, (key, values) => english(key as never, values as never)) : null;
}
