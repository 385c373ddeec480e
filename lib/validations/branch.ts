import { z } from "zod";
import {
  fixedCharacters,
  normalizeStationPattern,
  STATION_PATTERN_CHARS,
  STATION_PATTERN_MAX,
  STATION_PATTERN_MIN_FIXED,
} from "@/lib/stations/pattern";
import { text } from "./text";

export const branchCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,16}$/, "Use 2 to 16 letters, digits or hyphens, e.g. BR042.");

const branchFields = {
  name: text().min(2, "Enter the branch name.").max(80, "Keep the name under 80 characters."),
  address: text().max(200, "Keep the address under 200 characters.").default(""),
  timezone: text()
    .default("UTC")
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "Choose a valid time zone, e.g. Europe/Berlin.",
    ),
  // Local time in the branch's time zone: a card produced but not handed over by then is on the
  // manager's board. A time input sends HH:MM; the database gives HH:MM:SS back.
  closesAt: text()
    .default("18:00")
    .transform((t) => (t === "" ? "18:00" : t.slice(0, 5)))
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the closing time as HH:MM, e.g. 18:00.")),
};

/** Which station ids the branch may register (lib/stations/pattern.ts), stored normalised. */
export const stationIdPattern = z
  .string("Enter the branch's station id pattern.")
  .transform(normalizeStationPattern)
  .pipe(
    z
      .string()
      .min(1, "Enter the branch's station id pattern, e.g. BR001-PS-*.")
      .max(STATION_PATTERN_MAX, `Keep the pattern to ${STATION_PATTERN_MAX} characters.`)
      .regex(STATION_PATTERN_CHARS, "Use letters, digits, hyphens and underscores, with * for any characters.")
      .refine(
        (p) => fixedCharacters(p) >= STATION_PATTERN_MIN_FIXED,
        `Give at least ${STATION_PATTERN_MIN_FIXED} fixed characters, e.g. the branch code: BR001-PS-*.`,
      ),
  );

export const createBranchSchema = z.object({ code: branchCode, ...branchFields });

/** The code is D1-facing and appears in station ids, so it does not change once created. */
export const updateBranchSchema = z.object({
  branchId: z.uuid("Choose a branch."),
  ...branchFields,
  stationIdPattern,
});

export type CreateBranchInput = z.infer<typeof createBranchSchema>;
export type UpdateBranchInput = z.infer<typeof updateBranchSchema>;
