"use client";

// Why a request waits for a manager, as a sentence part in the user's language: "a and b", from the
// stored rules (text[]); unknown values are left out. The words are the Vocab.approvalRule messages.
import { useTranslations } from "next-intl";
import { APPROVAL_RULES } from "@/lib/vocabulary";

export function useApprovalReasons(): (rules: readonly string[] | null | undefined) => string {
  const t = useTranslations("IssueForm");
  const v = useTranslations("Vocab");
  return (rules) => {
    const known = APPROVAL_RULES.filter((r) => rules?.includes(r)).map((r) => v(`approvalRule.${r}`));
    if (known.length === 0) return t("noRule");
    if (known.length === 1) return known[0]!;
    return t("andList", { first: known.slice(0, -1).join(", "), last: known.at(-1)! });
  };
}
