// The end-of-day count: the figure two people counted at one place, the second confirming with
// their own password or the bank's single sign-on (second-signer.ts); and a manager's explanation of a difference.
import { z } from "zod";
import { STOCK_PLACES } from "@/lib/vocabulary";
import { requireSecondSigner, secondSignerFields } from "./second-signer";
import { text } from "./text";

// A real calendar day: 2026-02-30 would pass the pattern and fail in PostgreSQL.
const isoDate = z
  .string("Choose a day.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day.")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, "Choose a day.");

export const recordStockCountSchema = requireSecondSigner(
  z
    .object({
      stockTypeId: z.uuid("Choose the card stock."),
      place: z.enum(STOCK_PLACES, "Choose the place counted."),
      // Forms post "" for the vault and the spoiled cards.
      stationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Choose the station.").optional()),
      businessDate: isoDate,
      counted: z.coerce
        .number("Enter the number of blank cards you counted.")
        .int("Enter a whole number of cards.")
        .min(0, "Enter the number of cards counted (0 or more).")
        .max(1_000_000, "Enter the number of cards counted."),
      ...secondSignerFields,
    })
    .refine((v) => (v.place === "station") === Boolean(v.stationId), {
      message: "Choose the station.",
      path: ["stationId"],
    }),
);

export const explainStockCountSchema = z.object({
  countId: z.uuid("Choose the count to explain."),
  explanation: text("Explain the difference.", { multiline: true })
    .min(10, "Explain the difference in a sentence (what was found, what was done).")
    .max(1000, "Keep the explanation under 1000 characters."),
});

/** The history's filter and its CSV export: inclusive days of the branch. */
export const stockCountHistorySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export type RecordStockCountInput = z.infer<typeof recordStockCountSchema>;
