// Why a request waits for a manager, and what became of it, in words for tellers and managers.
// Pure: the job page, the Counter lists and the board use it in the browser.
import { APPROVAL_RULES, type ApprovalRule } from "@/lib/vocabulary";
import { nameDiffersFromRecord } from "./name-match";

export const APPROVAL_RULE_LABEL: Record<ApprovalRule, string> = {
  product: "this card product needs a manager's approval",
  repeat_replacement: "it is another replacement for this customer within a short time",
  name_differs: "the name on the card differs from the customer's recorded name",
};

/** The stored rules (text[]) as a sentence part: "a and b". Unknown values are left out. */
export function approvalReasons(rules: readonly string[] | null | undefined): string {
  const known = APPROVAL_RULES.filter((r) => rules?.includes(r)).map((r) => APPROVAL_RULE_LABEL[r]);
  if (known.length === 0) return "a rule of the bank asks for it";
  if (known.length === 1) return known[0]!;
  return `${known.slice(0, -1).join(", ")} and ${known.at(-1)}`;
}

export function awaitingSentence(rules: readonly string[] | null | undefined): string {
  return `Waiting for a manager's approval: ${approvalReasons(rules)}. Nothing is sent to D1 before it is approved.`;
}

export function rejectedSentence(note: string | null | undefined): string {
  const why = note?.trim();
  return why
    ? `A manager did not approve this request: “${why}”. No card was produced.`
    : "A manager did not approve this request. No card was produced.";
}

export type ApprovalHints = {
  /** The bank's name rule is on; the customer's recorded name to compare with. */
  nameDiffers: boolean;
  givenName: string;
  familyName: string;
  /** The repeat-replacement rule is on and the customer had a replacement within its days. */
  recentReplacement: boolean;
};

/** The rules the server will apply (lib/issuance/approval-rules.ts), foreseen at the review step. */
export function foreseenApprovalRules(
  request: { needsApproval?: boolean; reason: string; nameOnCard: string },
  hints: ApprovalHints | undefined,
): ApprovalRule[] {
  const rules: ApprovalRule[] = [];
  if (request.needsApproval) rules.push("product");
  if (hints?.recentReplacement && request.reason === "REPLACEMENT") rules.push("repeat_replacement");
  if (hints?.nameDiffers && nameDiffersFromRecord(request.nameOnCard, hints)) rules.push("name_differs");
  return rules;
}
