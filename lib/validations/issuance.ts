import { z } from "zod";
import { isSearchable, MIN_SEARCH_CHARACTERS } from "@/lib/search-query";
import { ISSUANCE_REASONS } from "@/lib/vocabulary";
import { formBoolean } from "./station";
import { text } from "./text";

export const searchCustomersSchema = z.object({
  query: text()
    .max(64, "Type at most 64 characters.")
    .refine(isSearchable, `Type at least ${MIN_SEARCH_CHARACTERS} letters or digits.`),
});

export const issueCardSchema = z.object({
  requestKey: z.uuid("The form has expired. Reload the page and try again."),
  customerId: z.uuid("Choose a customer."),
  productId: z.uuid("Choose a card."),
  stationId: z.uuid("Choose a personalization station."),
  reason: z.enum(ISSUANCE_REASONS, "Choose why the card is issued."),
  nameOnCard: text(undefined, { trim: false }).max(64, "Shorten the name on the card."),
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
