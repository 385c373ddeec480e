import { z } from "zod";
import { AppError } from "@/lib/errors";
import { assembled, msg, render, v, type Message } from "@/lib/i18n/message";
import { issueMessage, KEYED } from "@/lib/i18n/zod";
import type { Locale } from "@/lib/vocabulary";
import { text } from "./text";

/** An optional filter field: empty is "no filter"; control characters are refused (./text). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const words = (max: number) => optional(text().max(max, v("Validation.zod.tooBigText")));

/** True for a real calendar date written YYYY-MM-DD (not 2026-13-45 or 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  // PostgreSQL's date type starts at 4713 BC; year 0000 is not a year people mean.
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day filter: a real calendar date, else a field error (never a database error). */
export const calendarDay = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, v("Validation.dateFormat"))
    .refine(isCalendarDate, v("Validation.dateNotInCalendar")),
);

/** A from/to pair: "to" may not come before "from" (both are inclusive days). */
export function dayRangeRule<T extends { from?: string; to?: string }>(v: T) {
  return !v.from || !v.to || v.to >= v.from;
}
export const dayRangeIssue = { path: ["to"], message: v("Validation.toBeforeFrom") };

/** Audit browser filters, from the page's search parameters or the export's query string. */
export const auditFilterSchema = z
  .object({
    actor: words(254),
    action: words(64),
    entity: words(64),
    branchId: z.preprocess((x) => (x === "" ? undefined : x), z.uuid(v("Validation.branchFromList")).optional()),
    from: calendarDay,
    to: calendarDay,
    page: z
      .preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000))
      .default(1),
  })
  .refine(dayRangeRule, dayRangeIssue);

/**
 * A page's filter from its search parameters: the valid fields, and a message for each invalid
 * one (shown beside the field in `locale`; the page still lists entries with the valid rest).
 */
export function parseFilter<T>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
  locale: Locale = "en",
): { filter: T; errors: Record<string, string>; messages: Record<string, Message> } {
  const parsed = schema.safeParse(raw, KEYED);
  if (parsed.success) return { filter: parsed.data, errors: {}, messages: {} };
  const messages: Record<string, Message> = {};
  for (const issue of parsed.error.issues) messages[String(issue.path[0] ?? "form")] ??= issueMessage(issue);
  const errors = Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, render(m, locale)]));
  const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
  const retry = schema.safeParse(rest);
  return { filter: retry.success ? retry.data : schema.parse({}), errors, messages };
}

/** An export's refusal of invalid filters: 400 with each field's reason, never a cut-off file. */
export function invalidFilters(messages: Record<string, Message>, page: "audit" | "accessLog" | "report"): AppError {
  const problems = assembled((locale) =>
    Object.entries(messages)
      .map(([field, m]) => `${field}: ${render(m, locale)}`)
      .join(" "),
  );
  return new AppError("bad_request:route", {
    message: msg("Errors.filtersInvalid", { problems, page }),
    fieldErrors: Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, [m]])),
  });
}

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** A parsed filter back as URL parameters: for the pager's links and the CSV export's query. */
export function filterParams(
  query: Record<string, string | number | boolean | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

/** The query string of the parameters that are set. */
export function filterQueryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
}

/** The entity types the audit log records, for the filter's choices. */
export const AUDIT_ENTITIES = [
  { value: "branch", label: "Branch" },
  { value: "station", label: "Station" },
  { value: "card_product", label: "Card product" },
  { value: "user", label: "User" },
  { value: "issuance_job", label: "Card issuance" },
] as const;
