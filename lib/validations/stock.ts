// Inputs of the card stock actions: movements under dual control (the second person on the same
// form, second-signer.ts), spoiling a card, stock types and a station's low-stock threshold.
import { z } from "zod";
import { requireSecondSigner, secondSignerFields } from "./second-signer";
import { formBoolean } from "./station";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

const count = (max: number) =>
  z.coerce
    .number(v("Validation.stock.cardsWhole"))
    .int(v("Validation.stock.cardsWhole"))
    .min(1, v("Validation.stock.atLeastOne"))
    .max(max, v("Validation.zod.tooBigNumber"));

const stockTypeId = z.uuid(v("Validation.chooseStock"));

export const receiveStockSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    quantity: count(100_000),
    lot: text(v("Validation.stock.lot"))
      .min(1, v("Validation.stock.lotExample"))
      .max(60, v("Validation.stock.lotLong")),
    supplierRef: text(v("Validation.stock.supplierRef"))
      .min(1, v("Validation.stock.supplierRefExample"))
      .max(60, v("Validation.stock.supplierRefLong")),
    ...secondSignerFields,
  }),
);

export const loadStationSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    stationId: z.uuid(v("Validation.stock.loadStation")),
    quantity: count(10_000),
    ...secondSignerFields,
  }),
);

export const destroySpoiledSchema = requireSecondSigner(
  z.object({
    stockTypeId,
    quantity: count(10_000),
    note: text().max(200, v("Validation.stock.noteLong")).default(""),
    ...secondSignerFields,
  }),
);

/** A produced card that will never be handed over (a misprint, or left unclaimed). */
export const spoilCardSchema = z.object({ jobId: z.uuid(v("Validation.stock.card")) });

const stockTypeName = text(v("Validation.stock.name"))
  .min(2, v("Validation.stock.nameExample"))
  .max(60, v("Validation.stock.nameLong"));

export const createStockTypeSchema = z.object({
  code: text(v("Validation.stock.code")).regex(/^[A-Za-z0-9_-]{2,32}$/, v("Validation.stock.codeFormat")),
  name: stockTypeName,
});

export const renameStockTypeSchema = z.object({ stockTypeId, name: stockTypeName });

export const setStockTypeActiveSchema = z.object({ stockTypeId, active: formBoolean });

export const setLowStockThresholdSchema = z.object({
  stationId: z.uuid(v("Validation.chooseStation")),
  threshold: z.coerce
    .number(v("Validation.stock.threshold"))
    .int(v("Validation.stock.threshold"))
    .min(0, v("Validation.stock.thresholdMin"))
    .max(10_000, v("Validation.stock.thresholdMax")),
});
