// Which of the bank's maker-checker rules a new card request meets (docs/security.md): the
// product needs approval, a second replacement for the customer within the set days, or a name
// on the card beyond the emboss rules of the customer's recorded name. Empty: no approval.
import "server-only";
import { db } from "@/db";
import { approvalFacts, countRecentReplacements, getApprovalSettings } from "@/db/queries/approvals";
import type { Executor } from "@/db/client";
import type { ApprovalRule, IssuanceReason } from "@/lib/vocabulary";
import { nameDiffersFromRecord } from "./name-match";

export type ApprovalCheck = {
  requestKey: string;
  customerId: string;
  productId: string;
  reason: IssuanceReason;
  nameOnCard: string;
};

export async function approvalRulesFor(request: ApprovalCheck, { on = db }: { on?: Executor } = {}) {
  const [settings, facts] = await Promise.all([
    getApprovalSettings({ db: on }),
    approvalFacts({ db: on, productId: request.productId, customerId: request.customerId }),
  ]);
  const rules: ApprovalRule[] = [];
  if (facts.needsApproval) rules.push("product");
  if (settings.repeatReplacementDays !== null && request.reason === "REPLACEMENT") {
    const earlier = await countRecentReplacements({
      db: on,
      customerId: request.customerId,
      days: settings.repeatReplacementDays,
      exceptRequestKey: request.requestKey,
    });
    if (earlier > 0) rules.push("repeat_replacement");
  }
  if (settings.nameDiffers && facts.customer && nameDiffersFromRecord(request.nameOnCard, facts.customer)) {
    rules.push("name_differs");
  }
  return rules;
}
