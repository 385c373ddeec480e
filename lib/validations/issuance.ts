import { z } from "zod";
import { isSearchable, MIN_SEARCH_CHARACTERS } from "@/lib/search-query";
import { ISSUANCE_REASONS, REPLACEMENT_REASONS } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";

export const searchCustomersSchema = z.object({
  query: text()
    .max(64, "Type at most 64 characters.")
    .refine(isSearchable, `Type at least ${MIN_SEARCH_CHARACTERS} letters or digits.`),
});

/** A choice a form leaves empty ("") is no choice. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const issueCardSchema = z
  .object({
    requestKey: z.uuid("The form has expired. Reload the page and try again."),
    customerId: z.uuid("Choose a customer."),
    productId: z.uuid("Choose a card."),
    stationId: z.uuid("Choose a personalization station."),
    reason: z.enum(ISSUANCE_REASONS, "Choose why the card is issued."),
    nameOnCard: text(undefined, { trim: false }).max(64, "Shorten the name on the card."),
    // Replacement and renewal: the customer's card this one replaces, and why.
    replacesJobId: optional(z.uuid("Choose the card this one replaces.")),
    replacementReason: optional(z.enum(REPLACEMENT_REASONS, "Choose why the card is replaced.")),
    // Debit products: the customer's account the card is for.
    accountId: optional(z.uuid("Choose the account the card is for.")),
    // The same product for the same customer within a day needs the teller's confirmation.
    confirmDuplicate: formBoolean.optional(),
  })
  .superRefine((v, ctx) => {
    // Which card is replaced is checked on the server, which knows whether the customer has one.
    if (v.reason === "CREATION") return;
    if (v.reason === "REPLACEMENT" && !v.replacementReason) {
      ctx.addIssue({ code: "custom", path: ["replacementReason"], message: "Choose why the card is replaced." });
    }
    if (v.reason === "REPLACEMENT" && v.replacementReason === "expiring") {
      ctx.addIssue({
        code: "custom",
        path: ["replacementReason"],
        message: "A card that is expiring is renewed: choose Renewal as the reason.",
      });
    }
    if (v.reason === "RENEWAL" && v.replacementReason && v.replacementReason !== "expiring") {
      ctx.addIssue({
        code: "custom",
        path: ["replacementReason"],
        message: "A renewal replaces an expiring card; for a lost, stolen or damaged card choose Replacement.",
      });
    }
  });

export const retryJobSchema = z.object({
  jobId: z.uuid("Choose the card request to retry."),
  stationId: z.uuid("Choose a personalization station."),
  // The station that failed is allowed again only when the teller says its problem is solved.
  confirmSameStation: formBoolean.optional(),
});

export const jobIdSchema = z.object({ jobId: z.uuid("Choose a card request.") });

/** Cancel an open request (the job page's confirmation step sends it). */
export const cancelJobSchema = z.object({ jobId: z.uuid("Choose the card request to cancel.") });

export const moveJobSchema = z.object({
  jobId: z.uuid("Choose the card request to move."),
  stationId: z.uuid("Choose the station to move it to."),
});
