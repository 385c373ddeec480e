import { z } from "zod";
import {
  fixedCharacters,
  normalizeStationPattern,
  STATION_PATTERN_CHARS,
  STATION_PATTERN_MAX,
  STATION_PATTERN_MIN_FIXED,
} from "@/lib/stations/pattern";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

export const branchCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,16}$/, v("Validation.branch.code"));

const branchFields = {
  name: text().min(2, v("Validation.branch.name")).max(80, v("Validation.nameLong")),
  address: text().max(200, v("Validation.branch.addressLong")).default(""),
  timezone: text()
    .default("UTC")
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", v("Validation.branch.timeZone")),
  // Local time in the branch's time zone: a card produced but not handed over by then is on the
  // manager's board. A time input sends HH:MM; the database gives HH:MM:SS back.
  closesAt: text()
    .default("18:00")
    .transform((t) => (t === "" ? "18:00" : t.slice(0, 5)))
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, v("Validation.branch.closingTime"))),
};

/** Which station ids the branch may register (lib/stations/pattern.ts), stored normalised. */
export const stationIdPattern = z
  .string(v("Validation.branch.pattern"))
  .transform(normalizeStationPattern)
  .pipe(
    z
      .string()
      .min(1, v("Validation.branch.patternExample"))
      .max(STATION_PATTERN_MAX, v("Validation.branch.patternLong"))
      .regex(STATION_PATTERN_CHARS, v("Validation.branch.patternChars"))
      .refine((p) => fixedCharacters(p) >= STATION_PATTERN_MIN_FIXED, {
        message: v("Validation.branch.patternFixed"),
        params: { minimum: STATION_PATTERN_MIN_FIXED },
      }),
  );

export const createBranchSchema = z.object({ code: branchCode, ...branchFields });

/** The code is D1-facing and appears in station ids, so it does not change once created. */
export const updateBranchSchema = z.object({
  branchId: z.uuid(v("Validation.chooseBranch")),
  ...branchFields,
  stationIdPattern,
});

export type CreateBranchInput = z.infer<typeof createBranchSchema>;
export type UpdateBranchInput = z.infer<typeof updateBranchSchema>;
