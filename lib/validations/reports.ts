// The reports' filter, from the page's search parameters or an export's query string: a range of
// the branch's calendar days (inclusive), per day or per ISO week, and which table to export.
import { z } from "zod";
import { calendarDay, dayRangeIssue, dayRangeRule } from "./audit";
import { v } from "@/lib/i18n/message";

export const REPORT_GRAINS = ["day", "week"] as const;
export type ReportGrain = (typeof REPORT_GRAINS)[number];

/** The tables a report has; `branches` is the admins' network-wide comparison. */
export const REPORT_TABLES = ["teller", "product", "station", "spoilage", "time", "exceptions", "branches"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** A year at most: a per-day table of more is unreadable and the export stays small. */
export const MAX_RANGE_DAYS = 366;

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export const reportFilterSchema = z
  .object({
    from: calendarDay,
    to: calendarDay,
    grain: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(REPORT_GRAINS, v("Validation.report.grain")).default("day"),
    ),
    branchId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid(v("Validation.branchFromList")).optional()),
    report: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(REPORT_TABLES, v("Validation.report.table")).default("teller"),
    ),
  })
  .refine(dayRangeRule, dayRangeIssue)
  .refine((v) => !v.from || !v.to || daysBetween(v.from, v.to) < MAX_RANGE_DAYS, {
    path: ["to"],
    message: v("Validation.report.rangeLong"),
    params: { maximum: MAX_RANGE_DAYS },
  });

export type ReportFilter = z.infer<typeof reportFilterSchema>;

/** The range a report covers: the days asked for, else the last 7 days of the branch (today included). */
export function reportRange(filter: Pick<ReportFilter, "from" | "to">, today: string): { from: string; to: string } {
  const shift = (day: string, days: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const to = filter.to ?? (filter.from && filter.from > today ? filter.from : today);
  const from = filter.from ?? shift(to, -6);
  return { from, to };
}
