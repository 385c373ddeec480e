// The end-of-day count: the figure two people counted at one place, the second confirming with
// their own password or the bank's single sign-on (second-signer.ts); and a manager's explanation of a difference.
import { z } from "zod";
import { STOCK_PLACES } from "@/lib/vocabulary";
import { requireSecondSigner, secondSignerFields } from "./second-signer";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

// A real calendar day: 2026-02-30 would pass the pattern and fail in PostgreSQL.
const isoDate = z
  .string(v("Validation.count.day"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, v("Validation.count.day"))
  .refine(
    (v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v,
    v("Validation.count.day"),
  );

export const recordStockCountSchema = requireSecondSigner(
  z
    .object({
      stockTypeId: z.uuid(v("Validation.chooseStock")),
      place: z.enum(STOCK_PLACES, v("Validation.count.place")),
      // Forms post "" for the vault and the spoiled cards.
      stationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid(v("Validation.count.station")).optional()),
      businessDate: isoDate,
      counted: z.coerce
        .number(v("Validation.count.counted"))
        .int(v("Validation.count.whole"))
        .min(0, v("Validation.count.min"))
        .max(1_000_000, v("Validation.count.number")),
      ...secondSignerFields,
    })
    .refine((v) => (v.place === "station") === Boolean(v.stationId), {
      message: v("Validation.count.station"),
      path: ["stationId"],
    }),
);

export const explainStockCountSchema = z.object({
  countId: z.uuid(v("Validation.count.which")),
  explanation: text(v("Validation.count.explain"), { multiline: true })
    .min(10, v("Validation.count.explainShort"))
    .max(1000, v("Validation.count.explainLong")),
});

/** The history's filter and its CSV export: inclusive days of the branch. */
export const stockCountHistorySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export type RecordStockCountInput = z.infer<typeof recordStockCountSchema>;
