import { z } from "zod";
import { formBoolean } from "./station";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

/** A manager's approval or rejection: the reason is required either way (it is audited). */
export const decideRequestSchema = z.object({
  jobId: z.uuid(v("Validation.approval.request")),
  note: text(v("Validation.approval.reason"), { multiline: true })
    .min(3, v("Validation.approval.reasonShort"))
    .max(500, v("Validation.approval.reasonLong")),
});

/**
 * The bank's approval rules; an empty day count turns the repeat-replacement rule off. The field
 * itself must be sent (the form always does), so an empty call is refused, not saved.
 */
export const approvalSettingsSchema = z.object({
  repeatReplacementDays: z.preprocess(
    (v) => (v === "" || v === null ? null : v),
    z.coerce
      .number(v("Validation.approval.days"))
      .int(v("Validation.approval.daysWhole"))
      .min(1, v("Validation.approval.daysMin"))
      .max(365, v("Validation.approval.daysMax"))
      .nullable(),
  ),
  nameDiffers: formBoolean,
});
