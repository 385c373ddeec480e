import { z } from "zod";
import { ISSUANCE_REASONS } from "@/lib/vocabulary";
import { text } from "./text";

/** The fewest letters or digits a customer search needs (the search box waits for them too). */
export const MIN_SEARCH_CHARACTERS = 2;

export function isSearchable(query: string): boolean {
  return (query.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_SEARCH_CHARACTERS;
}

export const searchCustomersSchema = z.object({
  query: text()
    .max(64, "Type at most 64 characters.")
    // Letters or digits, not only punctuation: "%%" or ".." would match everything or nothing.
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
});

export const jobIdSchema = z.object({ jobId: z.uuid("Choose a card request.") });
