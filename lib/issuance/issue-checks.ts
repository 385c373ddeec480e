// What a new card request must satisfy beyond the counter checks (counter-checks.ts): the
// customer may have the product (the admin's age and customer-type rules), a debit card names one
// of the customer's own accounts, a replacement or renewal names one of the customer's cards not
// already replaced, and the same product twice within a day is confirmed. All problems come back
// at once as field errors, each a sentence the teller can act on.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  findEligibilityFacts,
  findRecentSameProductJob,
  listCustomerAccounts,
  listCustomerCards,
  type CustomerCard,
} from "@/db/queries/customer-cards";
import { cardProducts } from "@/db/schema";
import { DEFAULT_TIME_ZONE, formatTime } from "@/lib/datetime";
import { AppError, type FieldMessages } from "@/lib/errors";
import { assembled, msg, wordsIn } from "@/lib/i18n/message";
import type { IssuanceReason, ReplacementReason } from "@/lib/vocabulary";
import { dateIn } from "./eligibility";
import { ineligibilityReason, ineligibilityText } from "./eligibility";

export type IssueRequest = {
  branchId: string;
  requestKey: string;
  customerId: string;
  productId: string;
  reason: IssuanceReason;
  replacesJobId?: string;
  replacementReason?: ReplacementReason;
  accountId?: string;
  confirmDuplicate?: boolean;
  /** The teller is in training: only their training cards count (docs/training.md). */
  training: boolean;
};

export type CheckedIssue = {
  /** The card replaced (replacement and renewal), null for a new card. */
  replaced: CustomerCard | null;
  replacementReason: ReplacementReason | null;
  accountId: string | null;
};

export const NO_CARD_TO_REPLACE = msg("Validation.noCardToReplace");

/** 14:05 in the branch's zone (lib/datetime.ts); a zone the runtime does not know reads as UTC. */
function timeIn(timeZone: string, iso: string): string {
  try {
    return formatTime(iso, timeZone);
  } catch {
    return formatTime(iso, DEFAULT_TIME_ZONE);
  }
}

export async function checkIssueRequest(input: IssueRequest): Promise<CheckedIssue> {
  const [product] = await db
    .select({
      name: cardProducts.name,
      needsAccount: cardProducts.needsAccount,
      minAge: cardProducts.minAge,
      maxAge: cardProducts.maxAge,
      customerTypes: cardProducts.customerTypes,
    })
    .from(cardProducts)
    .where(eq(cardProducts.id, input.productId))
    .limit(1);
  const facts = await findEligibilityFacts({ db, customerId: input.customerId, branchId: input.branchId });
  if (!product)
    throw new AppError("invalid:product", { fieldErrors: { productId: [msg("Validation.chooseAnotherCard")] } });
  if (!facts) throw new AppError("not_found:customer");
  const fieldErrors: FieldMessages = {};

  const notEligible = ineligibilityReason(product, facts.customer, dateIn(facts.timeZone));
  if (notEligible) {
    // The Eligibility sentence the counter page shows, in the teller's language.
    const reason = assembled((locale) => ineligibilityText(notEligible, wordsIn(locale, "Eligibility")));
    fieldErrors.productId = [msg("Validation.notEligible", { reason })];
  }

  let accountId: string | null = null;
  if (product.needsAccount) {
    const own = await listCustomerAccounts({ db, customerId: input.customerId });
    if (!input.accountId) fieldErrors.accountId = [msg("Validation.chooseAccount", { product: product.name })];
    else if (!own.some((a) => a.id === input.accountId)) fieldErrors.accountId = [msg("Validation.ownAccount")];
    else accountId = input.accountId;
  }

  let replaced: CustomerCard | null = null;
  let replacementReason: ReplacementReason | null = null;
  if (input.reason !== "CREATION") {
    const cards = await listCustomerCards({
      db,
      training: input.training,
      customerId: input.customerId,
      exceptRequestKey: input.requestKey,
    });
    const chosen = cards.find((c) => c.jobId === input.replacesJobId);
    if (cards.length === 0) fieldErrors.reason = [NO_CARD_TO_REPLACE];
    else if (!chosen) fieldErrors.replacesJobId = [msg("Validation.ownCard")];
    else if (chosen.cardStatus === "replaced") fieldErrors.replacesJobId = [msg("Validation.cardReplaced")];
    else if (chosen.replacementPending) fieldErrors.replacesJobId = [msg("Validation.replacementUnderWay")];
    else replaced = chosen;
    replacementReason = input.reason === "RENEWAL" ? "expiring" : (input.replacementReason ?? null);
  }

  if (!input.confirmDuplicate) {
    const recent = await findRecentSameProductJob({
      db,
      training: input.training,
      customerId: input.customerId,
      productId: input.productId,
      timeZone: facts.timeZone,
      exceptRequestKey: input.requestKey,
    });
    if (recent) {
      fieldErrors.confirmDuplicate = [
        msg("Validation.duplicateToday", {
          product: product.name,
          time: timeIn(facts.timeZone, recent.createdAt),
          state: msg(`Vocab.jobState.${recent.state}`),
        }),
      ];
    }
  }

  if (Object.keys(fieldErrors).length > 0) throw new AppError("invalid:job", { fieldErrors });
  return { replaced, replacementReason, accountId };
}
