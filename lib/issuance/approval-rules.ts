// Which of the bank's maker-checker rules a new card request meets (docs/security.md): the
// product needs approval, a second replacement for the customer within the set days, or a name
// on the card beyond the emboss rules of the customer's recorded name. Empty: no approval.
import "server-only";
import { db } from "@/db";
import {
  countRecentReplacements,
  getApprovalSettings,
  productNeedsApproval,
  recordedName,
} from "@/db/queries/approvals";
import type { Executor } from "@/db/client";
import type { IssuanceReason } from "@/lib/vocabulary";
import { foreseenApprovalRules, type ApprovalHints } from "./approval-words";

export type ApprovalCheck = {
  requestKey: string;
  customerId: string;
  productId: string;
  reason: IssuanceReason;
  nameOnCard: string;
  /** The teller is in training: only their training requests count (docs/training.md). */
  training: boolean;
};

/** The rules a request meets: the review step's foreseenApprovalRules, on the data as stored now. */
export async function approvalRulesFor(request: ApprovalCheck, { on = db }: { on?: Executor } = {}) {
  const [settings, needsApproval, customer] = await Promise.all([
    getApprovalSettings({ db: on }),
    productNeedsApproval({ db: on, productId: request.productId }),
    recordedName({ db: on, customerId: request.customerId }),
  ]);
  const recentReplacement =
    settings.repeatReplacementDays !== null &&
    request.reason === "REPLACEMENT" &&
    (await countRecentReplacements({
      db: on,
      customerId: request.customerId,
      days: settings.repeatReplacementDays,
      exceptRequestKey: request.requestKey,
      training: request.training,
    })) > 0;
  return foreseenApprovalRules(
    { needsApproval, reason: request.reason, nameOnCard: request.nameOnCard },
    {
      // No recorded name to compare with: the name rule cannot apply.
      nameDiffers: settings.nameDiffers && customer !== null,
      givenName: customer?.givenName ?? "",
      familyName: customer?.familyName ?? "",
      recentReplacement,
    },
  );
}

/** What the review step needs to say beforehand that a request will wait for approval. */
export async function approvalHints(customerId: string, training: boolean): Promise<ApprovalHints> {
  const [settings, customer] = await Promise.all([getApprovalSettings({ db }), recordedName({ db, customerId })]);
  const recentReplacement =
    settings.repeatReplacementDays !== null &&
    (await countRecentReplacements({
      db,
      customerId,
      days: settings.repeatReplacementDays,
      exceptRequestKey: "",
      training,
    })) > 0;
  return {
    nameDiffers: settings.nameDiffers,
    givenName: customer?.givenName ?? "",
    familyName: customer?.familyName ?? "",
    recentReplacement,
  };
}
