import { z } from "zod";
import { isSearchable, MIN_SEARCH_CHARACTERS } from "@/lib/search-query";
import { ISSUANCE_REASONS, REPLACEMENT_REASONS } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

export const searchCustomersSchema = z.object({
  query: text()
    .max(64, v("Validation.zod.tooBigText"))
    .refine(isSearchable, { message: v("Validation.searchShort"), params: { minimum: MIN_SEARCH_CHARACTERS } }),
});

/** A choice a form leaves empty ("") is no choice. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const issueCardSchema = z
  .object({
    requestKey: z.uuid(v("Validation.issue.formExpired")),
    customerId: z.uuid(v("Validation.issue.customer")),
    productId: z.uuid(v("Validation.stock.card")),
    stationId: z.uuid(v("Validation.issue.station")),
    reason: z.enum(ISSUANCE_REASONS, v("Validation.issue.reason")),
    nameOnCard: text(undefined, { trim: false }).max(64, v("Validation.issue.nameLong")),
    // Replacement and renewal: the customer's card this one replaces, and why.
    replacesJobId: optional(z.uuid(v("Validation.issue.replaces"))),
    replacementReason: optional(z.enum(REPLACEMENT_REASONS, v("Validation.issue.replacementReason"))),
    // Debit products: the customer's account the card is for.
    accountId: optional(z.uuid(v("Validation.issue.account"))),
    // The same product for the same customer within a day needs the teller's confirmation.
    confirmDuplicate: formBoolean.optional(),
  })
  .superRefine((input, ctx) => {
    // Which card is replaced is checked on the server, which knows whether the customer has one.
    if (input.reason === "CREATION") return;
    if (input.reason === "REPLACEMENT" && !input.replacementReason) {
      ctx.addIssue({ code: "custom", path: ["replacementReason"], message: v("Validation.issue.replacementReason") });
    }
    if (input.reason === "REPLACEMENT" && input.replacementReason === "expiring") {
      ctx.addIssue({
        code: "custom",
        path: ["replacementReason"],
        message: v("Validation.issue.expiringIsRenewal"),
      });
    }
    if (input.reason === "RENEWAL" && input.replacementReason && input.replacementReason !== "expiring") {
      ctx.addIssue({
        code: "custom",
        path: ["replacementReason"],
        message: v("Validation.issue.renewalOnlyExpiring"),
      });
    }
  });

export const retryJobSchema = z.object({
  jobId: z.uuid(v("Validation.issue.retryRequest")),
  stationId: z.uuid(v("Validation.issue.station")),
  // The station that failed is allowed again only when the teller says its problem is solved.
  confirmSameStation: formBoolean.optional(),
});

export const jobIdSchema = z.object({ jobId: z.uuid(v("Validation.chooseRequest")) });

/** Cancel an open request (the job page's confirmation step sends it). */
export const cancelJobSchema = z.object({ jobId: z.uuid(v("Validation.issue.cancelRequest")) });

export const moveJobSchema = z.object({
  jobId: z.uuid(v("Validation.issue.moveRequest")),
  stationId: z.uuid(v("Validation.issue.moveStation")),
});
