// Training mode's admin forms (docs/training.md). Field messages are keys (docs/translating.md);
// the page's own words are in messages/*/training.json.
import { z } from "zod";
import { v } from "@/lib/i18n/message";
import { TRAINING_FAULTS } from "@/lib/vocabulary";
import { formBoolean } from "./station";

export const setUserTrainingSchema = z.object({ userId: z.uuid(v("Validation.user.user")), training: formBoolean });
export const setBranchTrainingSchema = z.object({
  branchId: z.uuid(v("Validation.chooseBranch")),
  training: formBoolean,
});

/** The word an admin types to wipe training data: the same in every language, so it is unambiguous. */
export const WIPE_WORD = "WIPE";

export const addTrainingFaultSchema = z
  .object({
    // Empty: every station.
    stationId: z.preprocess((v) => (v === "" ? null : v), z.uuid(v("Validation.training.station")).nullable()),
    kind: z.enum(TRAINING_FAULTS, v("Validation.training.fault")),
    count: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number(v("Validation.training.number"))
        .int(v("Validation.training.whole"))
        .min(1, v("Validation.training.min"))
        .max(100, v("Validation.training.max"))
        .optional(),
    ),
    untilCleared: formBoolean,
  })
  .refine((v) => v.untilCleared || v.count !== undefined, {
    message: v("Validation.training.countOrUntil"),
    path: ["count"],
  });

export const clearTrainingFaultSchema = z.object({ faultId: z.uuid(v("Validation.training.drill")) });

export const wipeTrainingDataSchema = z.object({
  confirm: z
    .string(v("Validation.training.wipe"))
    .trim()
    .refine((v) => v === WIPE_WORD, v("Validation.training.wipe")),
});
