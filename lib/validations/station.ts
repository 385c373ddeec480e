import { z } from "zod";
import { text } from "./text";

export const stationIdSchema = z.object({ stationId: z.uuid("Choose a station.") });

/** Checkbox and hidden fields arrive as strings from forms, as booleans from code. */
export const formBoolean = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

export const registerStationSchema = z.object({
  // D1 does not publish the persoStation format; the cardId rule is the safe common ground.
  persoStation: z
    .string("Enter the station id.")
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{1,48}$/,
      "Use 1 to 48 letters, digits, hyphens or underscores, exactly as registered at D1 (e.g. BR001-PS-04).",
    ),
  label: text("Enter a label.")
    .min(2, "Enter a label tellers will recognise, e.g. Counter printer 3.")
    .max(60, "Keep the label under 60 characters."),
  location: text().max(120, "Keep the location under 120 characters.").default(""),
});

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
