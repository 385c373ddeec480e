import { z } from "zod";
import { formBoolean } from "./station";
import { text } from "./text";

/** A manager's approval or rejection: the reason is required either way (it is audited). */
export const decideRequestSchema = z.object({
  jobId: z.uuid("Choose the request to decide on."),
  note: text("Give the reason for your decision.", { multiline: true })
    .min(3, "Give the reason for your decision (at least 3 characters).")
    .max(500, "Keep the reason under 500 characters."),
});

/**
 * The bank's approval rules; an empty day count turns the repeat-replacement rule off. The field
 * itself must be sent (the form always does), so an empty call is refused, not saved.
 */
export const approvalSettingsSchema = z.object({
  repeatReplacementDays: z.preprocess(
    (v) => (v === "" || v === null ? null : v),
    z.coerce
      .number("Enter a number of days, or leave it empty.")
      .int("Enter a whole number of days.")
      .min(1, "Enter at least 1 day, or leave it empty to turn the rule off.")
      .max(365, "Enter at most 365 days.")
      .nullable(),
  ),
  nameDiffers: formBoolean,
});
