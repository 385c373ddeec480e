"use client";

// Why a request waits for a manager, as a sentence part in the user's language: "a and b", from the
// stored rules (text[]); unknown values are left out. The words are the Vocab.approvalRule messages.
import { useTranslations } from "next-intl";
import { approvalReasonsIn } from "@/lib/issuance/approval-words";

export function useApprovalReasons(): (rules: readonly string[] | null | undefined) => string {
  const t = useTranslations("IssueForm");
  const v = useTranslations("Vocab");
  return (rules) =>
    approvalReasonsIn(
      {
        rule: (r) => v(`approvalRule.${r}`),
        none: () => t("noRule"),
        and: (first, last) => t("andList", { first, last }),
      },
      rules,
    );
}
