// Inputs of the card stock actions: movements under dual control (the second person's e-mail and
// password on the same form), spoiling a card, stock types and a station's low-stock threshold.
import { z } from "zod";
import { formBoolean } from "./station";
import { text } from "./text";

const count = (what: string, max: number) =>
  z.coerce
    .number(`Enter the number of ${what} as a whole number.`)
    .int(`Enter the number of ${what} as a whole number.`)
    .min(1, `Enter at least 1.`)
    .max(max, `Enter at most ${max.toLocaleString("en")}.`);

/** The second person of a dual-control step: they type their own e-mail and password here. */
const secondSigner = {
  secondEmail: text("Enter the second person's e-mail.")
    .min(1, "Enter the second person's e-mail.")
    .max(254, "Keep the e-mail under 254 characters."),
  secondPassword: z
    .string("Enter the second person's password.")
    .min(1, "Enter the second person's password.")
    .max(200, "Keep the password under 200 characters."),
};

const stockTypeId = z.uuid("Choose the card stock.");

export const receiveStockSchema = z.object({
  stockTypeId,
  quantity: count("cards", 100_000),
  lot: text("Enter the lot number.")
    .min(1, "Enter the lot number printed on the shipment.")
    .max(60, "Keep the lot under 60 characters."),
  supplierRef: text("Enter the supplier's reference.")
    .min(1, "Enter the supplier's reference (delivery note).")
    .max(60, "Keep the reference under 60 characters."),
  ...secondSigner,
});

export const loadStationSchema = z.object({
  stockTypeId,
  stationId: z.uuid("Choose the station to load."),
  quantity: count("cards", 10_000),
  ...secondSigner,
});

export const destroySpoiledSchema = z.object({
  stockTypeId,
  quantity: count("cards", 10_000),
  note: text().max(200, "Keep the note under 200 characters.").default(""),
  ...secondSigner,
});

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
