// Training mode's admin forms (docs/training.md). Field messages are English, like every server
// message so far (docs/translating.md); the page's own words are in messages/*/training.json.
import { z } from "zod";
import { TRAINING_FAULTS } from "@/lib/vocabulary";
import { formBoolean } from "./station";

export const setUserTrainingSchema = z.object({ userId: z.uuid("Choose a user."), training: formBoolean });
export const setBranchTrainingSchema = z.object({ branchId: z.uuid("Choose a branch."), training: formBoolean });

/** The word an admin types to wipe training data: the same in every language, so it is unambiguous. */
export const WIPE_WORD = "WIPE";

export const addTrainingFaultSchema = z
  .object({
    // Empty: every station.
    stationId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a station from the list.").nullable()),
    kind: z.enum(TRAINING_FAULTS, "Choose a fault from the list."),
    count: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number("Enter a number.")
        .int("Enter a whole number.")
        .min(1, "Enter 1 or more.")
        .max(100, "Enter 100 or fewer.")
        .optional(),
    ),
    untilCleared: formBoolean,
  })
  .refine((v) => v.untilCleared || v.count !== undefined, {
    message: "Enter how many cards, or tick until cleared.",
    path: ["count"],
  });

export const clearTrainingFaultSchema = z.object({ faultId: z.uuid("Choose a drill.") });

export const wipeTrainingDataSchema = z.object({
  confirm: z
    .string("Type WIPE to confirm.")
    .trim()
    .refine((v) => v === WIPE_WORD, "Type WIPE to confirm."),
});
