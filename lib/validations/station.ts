import { z } from "zod";
import { text } from "./text";

export const stationIdSchema = z.object({ stationId: z.uuid("Choose a station.") });

/** Checkbox and hidden fields arrive as strings from forms, as booleans from code. */
export const formBoolean = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

const stationLabel = text("Enter a label.")
  .min(2, "Enter a label tellers will recognise, e.g. Counter printer 3.")
  .max(60, "Keep the label under 60 characters.");
const stationLocation = text().max(120, "Keep the location under 120 characters.").default("");

export const registerStationSchema = z.object({
  // D1 does not publish the persoStation format; the cardId rule is the safe common ground.
  persoStation: z
    .string("Enter the station id.")
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{1,48}$/,
      "Use 1 to 48 letters, digits, hyphens or underscores, exactly as registered at D1 (e.g. BR001-PS-04).",
    ),
  label: stationLabel,
  location: stationLocation,
});

/** A station's label and location; its id is D1's and never changes (a wrong one is deleted). */
export const renameStationSchema = z.object({
  stationId: z.uuid("Choose a station."),
  label: stationLabel,
  location: stationLocation,
});

/** The manager's word that a test card came out of this station (where there is no test product). */
export const verifyStationSchema = z.object({
  stationId: z.uuid("Choose a station."),
  testCardPrinted: formBoolean.refine((v) => v, "Confirm that a test card was printed on this station."),
});

/** Send the bank's test product to a new station through D1 (it verifies the station when produced). */
export const printTestCardSchema = z.object({ stationId: z.uuid("Choose a station.") });

/** The admin's form names the branch; a manager's is always their own. */
export const registerBranchStationSchema = registerStationSchema.extend({ branchId: z.uuid("Choose a branch.") });

export const setStationEnabledSchema = z.object({
  stationId: z.uuid("Choose a station."),
  enabled: formBoolean,
  // Disabling a station with cards in progress needs a second, explicit confirmation.
  confirm: formBoolean.optional(),
});

export type RegisterStationInput = z.infer<typeof registerStationSchema>;

/** A manager moves every request still waiting at a station to another one (e.g. before disabling it). */
export const moveStationRequestsSchema = z.object({
  stationId: z.uuid("Choose a station."),
  toStationId: z.uuid("Choose the station to move the requests to."),
});
