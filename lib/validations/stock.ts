// Inputs of the card stock actions: movements under dual control (the second person on the same
// form, second-signer.ts), spoiling a card, stock types and a station's low-stock threshold.
import { z } from "zod";
import { requireSecondSigner, secondSignerFields } from "./second-signer";
import { formBoolean } from "./station";
import { text } from "./text";

const count = (what: string, max: number) =>
  z.coerce
    .number(`Enter the number of ${what} as a whole number.`)
    .int(`Enter the number of ${what} as a whole number.`)
    .min(1, `Enter at least 1.`)
    .max(max, `Enter at most ${max.toLocaleString("en")}.`);

const stockTypeId = z.uuid("Choose the card stock.");

export const receiveStockSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    quantity: count("cards", 100_000),
    lot: text("Enter the lot number.")
      .min(1, "Enter the lot number printed on the shipment.")
      .max(60, "Keep the lot under 60 characters."),
    supplierRef: text("Enter the supplier's reference.")
      .min(1, "Enter the supplier's reference (delivery note).")
      .max(60, "Keep the reference under 60 characters."),
    ...secondSignerFields,
  }),
);

export const loadStationSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    stationId: z.uuid("Choose the station to load."),
    quantity: count("cards", 10_000),
    ...secondSignerFields,
  }),
);

export const destroySpoiledSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    quantity: count("cards", 10_000),
    note: text().max(200, "Keep the note under 200 characters.").default(""),
    ...secondSignerFields,
  }),
);

/** A produced card that will never be handed over (a misprint, or left unclaimed). */
export const spoilCardSchema = z.object({ jobId: z.uuid("Choose a card.") });

const stockTypeName = text("Enter a name.")
  .min(2, "Enter a name, e.g. Debit blank PVC.")
  .max(60, "Keep the name under 60 characters.");

export const createStockTypeSchema = z.object({
  code: text("Enter a code.").regex(
    /^[A-Za-z0-9_-]{2,32}$/,
    "Use 2 to 32 letters, digits, hyphens or underscores, e.g. DEBIT-PVC.",
  ),
  name: stockTypeName,
});

export const renameStockTypeSchema = z.object({ stockTypeId, name: stockTypeName });

export const setStockTypeActiveSchema = z.object({ stockTypeId, active: formBoolean });

export const setLowStockThresholdSchema = z.object({
  stationId: z.uuid("Choose a station."),
  threshold: z.coerce
    .number("Enter the threshold as a whole number.")
    .int("Enter the threshold as a whole number.")
    .min(0, "Enter 0 or more.")
    .max(10_000, "Enter at most 10,000."),
});
