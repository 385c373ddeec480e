import { z } from "zod";
import { calendarDay, dayRangeIssue, dayRangeRule } from "./audit";
import { text } from "./text";
import { v } from "@/lib/i18n/message";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Customer access log filters, from the admin page's search parameters or the export's query string. */
export const accessLogFilterSchema = z
  .object({
    user: optional(text().max(254, v("Validation.zod.tooBigText"))),
    customer: optional(
      text()
        .toUpperCase()
        .regex(/^[A-Z0-9-]{1,32}$/, v("Validation.customerNumber")),
    ),
    from: calendarDay,
    to: calendarDay,
    page: z
      .preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000))
      .default(1),
  })
  .refine(dayRangeRule, dayRangeIssue);

export type AccessLogFilter = z.infer<typeof accessLogFilterSchema>;
