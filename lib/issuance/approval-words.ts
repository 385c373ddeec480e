// Why a request waits for a manager, and what became of it, in words for tellers and managers.
// Pure: the job page, the Counter lists and the board use it in the browser; the words are the
// messages', which each screen passes in its reader's language through ReasonWords.
import { APPROVAL_RULES, type ApprovalRule } from "@/lib/vocabulary";
import { nameDiffersFromRecord } from "./name-match";

/** How a language joins the rules' words: each rule's words, none, and "a and b". */
export type ReasonWords = {
  rule: (rule: ApprovalRule) => string;
  none: () => string;
  and: (first: string, last: string) => string;
};

/** The stored rules (text[]) as a sentence part: "a and b". Unknown values are left out. */
export function approvalReasonsIn(words: ReasonWords, rules: readonly string[] | null | undefined): string {
  const known = APPROVAL_RULES.filter((r) => rules?.includes(r)).map(words.rule);
  if (known.length === 0) return words.none();
  if (known.length === 1) return known[0]!;
  return words.and(known.slice(0, -1).join(", "), known.at(-1)!);
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
