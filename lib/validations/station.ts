import { z } from "zod";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

export const stationIdSchema = z.object({ stationId: z.uuid(v("Validation.chooseStation")) });

/** Checkbox and hidden fields arrive as strings from forms, as booleans from code. */
export const formBoolean = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

const stationLabel = text(v("Validation.station.label"))
  .min(2, v("Validation.station.labelExample"))
  .max(60, v("Validation.station.labelLong"));
const stationLocation = text().max(120, v("Validation.station.locationLong")).default("");

export const registerStationSchema = z.object({
  // D1 does not publish the persoStation format; the cardId rule is the safe common ground.
  persoStation: z
    .string(v("Validation.station.id"))
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,48}$/, v("Validation.station.idFormat")),
  label: stationLabel,
  location: stationLocation,
});

/** A station's label and location; its id is D1's and never changes (a wrong one is deleted). */
export const renameStationSchema = z.object({
  stationId: z.uuid(v("Validation.chooseStation")),
  label: stationLabel,
  location: stationLocation,
});

/** The manager's word that a test card came out of this station (where there is no test product). */
export const verifyStationSchema = z.object({
  stationId: z.uuid(v("Validation.chooseStation")),
  testCardPrinted: formBoolean.refine((v) => v, v("Validation.station.testCard")),
});

/** Send the bank's test product to a new station through D1 (it verifies the station when produced). */
export const printTestCardSchema = z.object({ stationId: z.uuid(v("Validation.chooseStation")) });

/** The admin's form names the branch; a manager's is always their own. */
export const registerBranchStationSchema = registerStationSchema.extend({
  branchId: z.uuid(v("Validation.chooseBranch")),
});

export const setStationEnabledSchema = z.object({
  stationId: z.uuid(v("Validation.chooseStation")),
  enabled: formBoolean,
  // Disabling a station with cards in progress needs a second, explicit confirmation.
  confirm: formBoolean.optional(),
});

export type RegisterStationInput = z.infer<typeof registerStationSchema>;

/** A manager moves every request still waiting at a station to another one (e.g. before disabling it). */
export const moveStationRequestsSchema = z.object({
  stationId: z.uuid(v("Validation.chooseStation")),
  toStationId: z.uuid(v("Validation.station.moveTarget")),
});
