import { z } from "zod";
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
};

export const createBranchSchema = z.object({ code: branchCode, ...branchFields });

/** The code is D1-facing and appears in station ids, so it does not change once created. */
export const updateBranchSchema = z.object({ branchId: z.uuid("Choose a branch."), ...branchFields });

export type CreateBranchInput = z.infer<typeof createBranchSchema>;
export type UpdateBranchInput = z.infer<typeof updateBranchSchema>;
